package com.steadydesk.workforce;

/**
 * The Erlang A queue (M/M/n+M, Palm's model): like Erlang C, but a waiting customer gives up after an exponentially
 * distributed patience. Solved exactly as the birth-death chain it is (stationary distribution in log space, cut where
 * the tail no longer counts), and the service level by following one arriving customer through the queue ahead of it.
 */
public final class ErlangA {

    private static final double NEGLIGIBLE = 1e-13;
    private static final int MAX_QUEUE = 100_000;

    /** Stationary figures of one queue. */
    public record Figures(double waitChance, double abandonment, double averageAnswer, double serviceLevel) {
    }

    private ErlangA() {
    }

    /**
     * @param agents        agents on contacts
     * @param erlangs       offered load
     * @param slotSeconds   agent time per contact
     * @param patienceSeconds average patience of a waiting customer
     * @param answerSeconds the service-level target time: a contact counts when answered within it (not when abandoned)
     */
    public static Figures figures(int agents, double erlangs, double slotSeconds, double patienceSeconds, double answerSeconds) {
        if (agents < 1 || erlangs <= 0) {
            return new Figures(erlangs <= 0 ? 0 : 1, erlangs <= 0 ? 0 : 1, 0, erlangs <= 0 ? 1 : 0);
        }
        double mu = 1 / slotSeconds;
        double theta = 1 / patienceSeconds;
        double lambda = erlangs * mu;
        double[] p = stationary(agents, lambda, mu, theta);
        double waiting = 0;
        double queued = 0;
        for (int k = agents; k < p.length; k++) {
            waiting += p[k];
            queued += (k - agents) * p[k];
        }
        double abandonment = theta * queued / lambda;
        double averageAnswer = queued / lambda;
        double served = 1 - waiting;
        // only queue positions that arrivals actually meet matter; the rest of the tail is below the figures' precision
        int positions = p.length - agents;
        double tail = 0;
        while (positions > 1 && tail + p[agents + positions - 1] < NEGLIGIBLE * 1000) {
            tail += p[agents + positions - 1];
            positions--;
        }
        double[] answeredInTime = answeredWithin(agents, mu, theta, answerSeconds, positions);
        for (int j = 0; j < answeredInTime.length; j++) {
            served += p[agents + j] * answeredInTime[j];
        }
        return new Figures(waiting, abandonment, averageAnswer, Math.min(1, served));
    }

    /** p[k]: the share of time with k customers in the system (in service or waiting), as seen by arrivals (PASTA). */
    private static double[] stationary(int agents, double lambda, double mu, double theta) {
        double[] log = new double[Math.max(agents + 1, 16)];
        int last = 0;
        double max = 0;
        for (int k = 1; ; k++) {
            if (k >= log.length) {
                log = java.util.Arrays.copyOf(log, log.length * 2);
            }
            double out = Math.min(k, agents) * mu + Math.max(k - agents, 0) * theta;
            log[k] = log[k - 1] + Math.log(lambda / out);
            max = Math.max(max, log[k]);
            last = k;
            // past the agents the terms fall for good once departures outpace arrivals; stop when they no longer count
            if (k > agents && out > lambda && log[k] - max < Math.log(NEGLIGIBLE) || k - agents > MAX_QUEUE) {
                break;
            }
        }
        double[] p = new double[last + 1];
        double sum = 0;
        for (int k = 0; k <= last; k++) {
            p[k] = Math.exp(log[k] - max);
            sum += p[k];
        }
        for (int k = 0; k <= last; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /**
     * u[j]: the chance that a customer who arrives with j others waiting ahead reaches an agent within t seconds
     * before giving up. Backward equations of the customer's own chain, integrated with classic Runge-Kutta:
     * with i ahead, the queue moves at rate n*mu + i*theta and the customer leaves at rate theta.
     */
    private static double[] answeredWithin(int agents, double mu, double theta, double t, int positions) {
        double[] u = new double[Math.max(positions, 1)];
        if (t <= 0) {
            return u;
        }
        double fastest = agents * mu + u.length * theta + theta;
        // classic Runge-Kutta is stable while step x fastest rate stays below about 2.7; one keeps a margin
        int steps = (int) Math.min(20_000, Math.max(20, Math.ceil(t * fastest / 1.5)));
        double h = t / steps;
        double[] k1 = new double[u.length], k2 = new double[u.length], k3 = new double[u.length], k4 = new double[u.length];
        double[] tmp = new double[u.length];
        for (int s = 0; s < steps; s++) {
            derivative(u, k1, agents, mu, theta);
            for (int i = 0; i < u.length; i++) tmp[i] = u[i] + h / 2 * k1[i];
            derivative(tmp, k2, agents, mu, theta);
            for (int i = 0; i < u.length; i++) tmp[i] = u[i] + h / 2 * k2[i];
            derivative(tmp, k3, agents, mu, theta);
            for (int i = 0; i < u.length; i++) tmp[i] = u[i] + h * k3[i];
            derivative(tmp, k4, agents, mu, theta);
            for (int i = 0; i < u.length; i++) u[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return u;
    }

    private static void derivative(double[] u, double[] du, int agents, double mu, double theta) {
        for (int i = 0; i < u.length; i++) {
            double move = agents * mu + i * theta;
            double next = i == 0 ? 1 : u[i - 1];
            du[i] = move * (next - u[i]) - theta * u[i];
        }
    }
}
