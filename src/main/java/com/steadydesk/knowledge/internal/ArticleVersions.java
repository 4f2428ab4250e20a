package com.steadydesk.knowledge.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

/** The append-only version history of articles. */
public interface ArticleVersions extends ListCrudRepository<ArticleVersion, Long> {

    Optional<ArticleVersion> findByArticleIdAndNumber(long articleId, int number);

    List<ArticleVersion> findByArticleIdOrderByNumberDesc(long articleId);
}
