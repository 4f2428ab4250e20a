package com.steadydesk.inbox;

import com.steadydesk.SteadyDeskApplication;
import com.steadydesk.identity.UserManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * SteadyDesk on a throw-away embedded PostgreSQL for a closed-loop intake run with wrk (see
 * docs/benchmarks/intake-closed-loop.sh). Not a test: writes the port, an admin API token, its own pid and a
 * PostgreSQL backend's pid (to find the postmaster for CPU accounting) to the file given as argument, then stays up.
 * Further arguments go to Spring, e.g. {@code --steadydesk.embedded-db.data-directory=target/intake-pgdata} for a
 * database on disk with fsync on, as in production (the test profile's throw-away one runs with fsync off).
 */
public class IntakeServer {

    public static void main(String[] args) throws Exception {
        var app = new SpringApplicationBuilder(SteadyDeskApplication.class).profiles("test")
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0", "--steadydesk.demo-data=false",
                        "--logging.level.root=WARN"), java.util.Arrays.stream(args).skip(1)).toArray(String[]::new));
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        var users = app.getBean(UserManagement.class);
        var admin = users.findByUsername("admin").orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                admin.username(), null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        String token = users.issueToken("intake load run", null).secret();
        SecurityContextHolder.clearContext();
        long backend = app.getBean(JdbcClient.class).sql("select pg_backend_pid()").query(Long.class).single();
        Path out = Path.of(args.length > 0 ? args[0] : "target/intake-server.env");
        Path partial = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(partial, "PORT=" + port + "\nTOKEN=" + token + "\nJVM=" + ProcessHandle.current().pid()
                + "\nPGBACKEND=" + backend + "\n");
        Files.move(partial, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
