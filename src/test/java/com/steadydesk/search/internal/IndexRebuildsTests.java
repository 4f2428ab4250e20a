package com.steadydesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchQuery;
import com.steadydesk.search.SearchSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@SpringBootTest
@AutoConfigureMockMvc
class IndexRebuildsTests {

    static final int COUNT = 3000;

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    KindIndexes indexes;
    CrossKindSearch search;
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    AtomicBoolean readOnlyTransaction = new AtomicBoolean();

    /** A slow owner: stops halfway until the test lets it go on, so that the test can search and write meanwhile. */
    SearchSource tickets = new SearchSource() {
        @Override
        public String kind() {
            return "rebuildtest";
        }

        @Override
        public long count() {
            return COUNT;
        }

        @Override
        public Stream<SearchDocument> all() {
            readOnlyTransaction.set(TransactionSynchronizationManager.isCurrentTransactionReadOnly());
            return IntStream.range(0, COUNT).mapToObj(i -> {
                if (i == COUNT / 2) {
                    halfway.countDown();
                    try {
                        mayFinish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return ticket(i, "重建后的工单 " + i, "物流延迟，客户要求退款");
            });
        }
    };

    static SearchDocument ticket(int i, String title, String body) {
        return new SearchDocument("rebuildtest", "T" + i, title, body, List.of(), Map.of(), "zh", false, Instant.EPOCH);
    }

    @BeforeEach
    void setUp() throws Exception {
        indexes = new KindIndexes(Files.createTempDirectory("rebuild"), true);
        search = CrossKindSearch.standalone(indexes, () -> SynonymGroups.NONE);
    }

    @AfterEach
    void tearDown() {
        mayFinish.countDown();
        indexes.destroy();
    }

    IndexRebuilds rebuilds() {
        var beans = new StaticListableBeanFactory(Map.of("tickets", tickets));
        return new IndexRebuilds(indexes, beans.getBeanProvider(SearchSource.class), transactions, jdbc, Clock.systemUTC());
    }

    List<SearchHit> find(String text) {
        return search.search(new SearchQuery(text, Set.of("rebuildtest"), Map.of(), false, 100)).hits();
    }

    @Test
    void rebuildReplacesTheIndexWhileSearchesKeepWorking() throws Exception {
        KindIndex index = indexes.forKind("rebuildtest");
        index.upsert(ticket(1, "旧的工单", "旧内容：发票"));
        index.upsert(ticket(999_999, "已删除的工单", "只在旧索引里：发票"));
        indexes.refreshNow();
        IndexRebuilds rebuilds = rebuilds();

        AtomicReference<Throwable> searchFailure = new AtomicReference<>();
        AtomicInteger searches = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread searcher = new Thread(() -> {
            while (!stop.get()) {
                try {
                    assertThat(find("发票")).isNotEmpty();
                    searches.incrementAndGet();
                } catch (Throwable t) {
                    searchFailure.set(t);
                    return;
                }
            }
        });
        searcher.start();

        rebuilds.start("rebuildtest", "admin");
        assertThatThrownBy(() -> rebuilds.start("rebuildtest", "admin")).isInstanceOf(DomainRuleViolation.class);
        halfway.await();
        IndexRebuilds.Progress progress = rebuilds.running("rebuildtest").orElseThrow();
        assertThat(progress.total()).isEqualTo(COUNT);
        assertThat(progress.doneCount()).isBetween(1L, (long) COUNT);
        // a live write during the rebuild is newer than the rebuild's snapshot and must survive the swap
        index.upsert(ticket(COUNT - 1, "实时更新的工单", "客户改为申请发票"));
        index.upsert(ticket(1, "旧的工单", "旧内容：发票"));
        mayFinish.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> rebuilds.running("rebuildtest").isEmpty());
        stop.set(true);
        searcher.join();

        assertThat(searchFailure.get()).isNull();
        assertThat(searches.get()).isPositive();
        assertThat(readOnlyTransaction.get()).isTrue();
        assertThat(rebuilds.status().get("rebuildtest").status()).isEqualTo("DONE");
        assertThat(rebuilds.status().get("rebuildtest").doneCount()).isEqualTo(COUNT);
        assertThat(index.documentCount()).isEqualTo(COUNT);
        assertThat(find("发票")).extracting(SearchHit::id).containsExactlyInAnyOrder("T" + (COUNT - 1), "T1");
        assertThat(find("物流延迟")).hasSize(100);
    }

    @Test
    void aFailingSourceLeavesTheOldIndexInPlace() throws Exception {
        KindIndex index = indexes.forKind("rebuildtest");
        index.upsert(ticket(1, "旧的工单", "发票"));
        indexes.refreshNow();
        var broken = new SearchSource() {
            public String kind() { return "rebuildtest"; }
            public long count() { return 10; }
            public Stream<SearchDocument> all() { return Stream.generate(() -> { throw new IllegalStateException("database went away"); }); }
        };
        var rebuilds = new IndexRebuilds(indexes, new StaticListableBeanFactory(Map.of("b", broken)).getBeanProvider(SearchSource.class),
                transactions, jdbc, Clock.systemUTC());
        rebuilds.start("rebuildtest", "admin");
        await().atMost(Duration.ofSeconds(10)).until(() -> rebuilds.running("rebuildtest").isEmpty());
        assertThat(rebuilds.status().get("rebuildtest").status()).isEqualTo("FAILED");
        assertThat(index.rebuilding()).isFalse();
        assertThat(find("发票")).extracting(SearchHit::id).containsExactly("T1");
    }
}
