package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Prepares the OpenAPI document on its first request instead of at start (issue 7, cold start).
 *
 * <p>Quarkus 3.31 to 3.33 parse the build-time document and write it as JSON and YAML in a
 * {@code RUNTIME_INIT} step (quarkusio/quarkus#54826): about a tenth of this service's CPU to
 * readiness (BENCHMARKS.md, Cold start, run 6), for a document a woken pod is rarely asked for.
 * No setting avoids it: {@code quarkus.smallrye-openapi.enable=false} only swaps the route's handler.
 * quarkusio/quarkus#55538 makes the preparation lazy upstream when no start-up filter exists; this
 * bean does the same on 3.33.2: it keeps what the recorder hands over and runs the extension's own
 * preparation, unchanged, on the first request, so {@code /q/openapi} serves the same bytes.
 *
 * <p>It must sit in the extension's package: the method it defers is package-private. For the same
 * reason it is a prod-only bean: tests and dev mode load the application and the extension in
 * different class loaders, where a package-private method cannot be overridden (there the extension
 * stays eager). Delete this class when Quarkus carries #55538.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@IfBuildProfile("prod")
// The recorder looks the service up programmatically, which ArC cannot see: without this the bean is
// removed as unused and the extension's own, eager one is used.
@Unremovable
public class LazyOpenApiDocumentService extends OpenApiDocumentService {

    private static final Logger LOG = Logger.getLogger(LazyOpenApiDocumentService.class);

    private record Preparation(AutoSecurityFilter autoSecurityFilter,
            Map<OpenApiFilter.RunStage, List<String>> filtersByStage) {
    }

    private final Map<String, Preparation> deferred = new HashMap<>();

    @Override
    synchronized void prepareDocument(AutoSecurityFilter autoSecurityFilter,
            Map<OpenApiFilter.RunStage, List<String>> filtersByStage, String documentName) {
        if (hasFilters(filtersByStage, OpenApiFilter.RunStage.RUNTIME_STARTUP)
                || hasFilters(filtersByStage, OpenApiFilter.RunStage.RUN)) {
            // Filters meant to run at start-up (RUN filters do, unless always-run-filter) keep the
            // eager preparation: someone may rely on what they do then.
            super.prepareDocument(autoSecurityFilter, filtersByStage, documentName);
            return;
        }
        deferred.put(documentName, new Preparation(autoSecurityFilter, filtersByStage));
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        prepareIfDeferred(documentName);
        return super.getDocument(documentName, format);
    }

    private synchronized void prepareIfDeferred(String documentName) {
        Preparation preparation = deferred.remove(documentName);
        if (preparation != null) {
            super.prepareDocument(preparation.autoSecurityFilter(), preparation.filtersByStage(), documentName);
            LOG.infof("OpenAPI document %s prepared on its first request", documentName);
        }
    }

    private static boolean hasFilters(Map<OpenApiFilter.RunStage, List<String>> filtersByStage,
            OpenApiFilter.RunStage stage) {
        return !filtersByStage.getOrDefault(stage, List.of()).isEmpty();
    }
}
