/**
 * The knowledge base (articles with versions, categories, review dates), the public help center, the per-crisis
 * source-of-truth pages and the help-center side of a crisis (banner and article callouts). A crisis is only an
 * opaque id here: the crisis module calls down into {@link com.steadydesk.knowledge.SourceOfTruthManagement} and
 * {@link com.steadydesk.knowledge.HelpCenterNotices}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge",
        allowedDependencies = {"identity", "search", "platform", "notifications"})
package com.steadydesk.knowledge;
