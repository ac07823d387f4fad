package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

import org.asbportal.web.ReferenceData;
import org.jboss.logging.Logger;

/**
 * Routes a report to one triage queue by the routing rules: the first rule that matches, by
 * priority. If the rules leave a report unmatched (a catch-all was removed), the report goes to the
 * fallback queue, so no report is ever without a queue.
 * <p>
 * The rules, with their queues, are reference data held in memory (kind {@value #ROUTING}): whoever
 * changes a rule or a queue calls {@link ReferenceData#changed} with that kind.
 */
@ApplicationScoped
public class Router {

    /** The kind of reference data routing rules and queues are. */
    public static final String ROUTING = "routing";

    private static final Logger LOG = Logger.getLogger(Router.class);

    /** A rule held in memory, with the queue it sends reports to. */
    private record Route(RoutingDecision.Rule rule, RoutingRule.Conditions conditions, RoutingDecision.Queue queue) {
    }

    private final RoutingConfig config;
    private final ReferenceData.Held<List<Route>> routes;

    public Router(RoutingConfig config, ReferenceData reference) {
        this.config = config;
        this.routes = reference.hold(Router::load, ROUTING);
    }

    private static List<Route> load() {
        return RoutingRule.listByPriority().stream()
                .map(rule -> new Route(new RoutingDecision.Rule(rule.id, rule.priority, rule.description), rule.conditions(),
                        RoutingDecision.Queue.of(rule.queue)))
                .toList();
    }

    public RoutingDecision route(RoutingFacts facts) {
        for (Route route : routes.get()) {
            if (route.conditions().matches(facts)) {
                return new RoutingDecision(route.queue(), route.rule());
            }
        }
        LOG.warnf("No routing rule matched a %s report; using the fallback queue %s",
                facts.categoryCode(), config.fallbackQueue());
        TriageQueue fallback = TriageQueue.findByCode(config.fallbackQueue())
                .orElseThrow(() -> new IllegalStateException("Fallback queue " + config.fallbackQueue() + " does not exist"));
        return new RoutingDecision(RoutingDecision.Queue.of(fallback), null);
    }
}
