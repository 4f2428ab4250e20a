package com.steadydesk.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero set-up: without {@code spring.datasource.url} SteadyDesk runs on an embedded PostgreSQL whose data
 * stays under {@code ./data/} between starts. With the property set, Spring Boot's own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    DataSource dataSource(EmbeddedDatabaseProperties properties) {
        var server = EmbeddedDatabase.lease(properties.dataDirectory());
        var ds = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                server.release();
            }
        };
        ds.setJdbcUrl(server.jdbcUrl(properties.database(), properties.freshDatabase()));
        // the application's own role, owner of its database and schema (Flyway migrates as it too); not a superuser
        ds.setUsername(server.username());
        ds.setPassword(server.password());
        // Batched inserts (ticket intake) become multi-row inserts: far fewer statements for PostgreSQL to run.
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        ds.setMaximumPoolSize(properties.poolSize());
        ds.setPoolName("steadydesk-embedded");
        return ds;
    }

    /**
     * @param dataDirectory where the server keeps its files; blank for a throw-away server (tests)
     * @param database      database name
     * @param freshDatabase give each application context a new, empty database (tests)
     */
    @ConfigurationProperties("steadydesk.embedded-db")
    record EmbeddedDatabaseProperties(String dataDirectory, String database, boolean freshDatabase, int poolSize) {
        EmbeddedDatabaseProperties {
            if (database == null || database.isBlank()) database = "steadydesk";
            if (poolSize <= 0) poolSize = 20;
        }
    }
}
