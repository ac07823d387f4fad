package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Routes a report to one triage queue by the routing rules held as reference data: the first rule
 * that matches, by priority. If the rules leave a report unmatched (a catch-all was removed), the
 * report goes to the fallback queue, so no report is ever without a queue.
 */
@ApplicationScoped
public class Router {

    private static final Logger LOG = Logger.getLogger(Router.class);

    private final RoutingConfig config;

    public Router(RoutingConfig config) {
        this.config = config;
    }

    public RoutingDecision route(RoutingFacts facts) {
        for (RoutingRule rule : RoutingRule.listByPriority()) {
            if (rule.matches(facts)) {
                return new RoutingDecision(rule.queue, rule);
            }
        }
        LOG.warnf("No routing rule matched a %s report; using the fallback queue %s",
                facts.categoryCode(), config.fallbackQueue());
        TriageQueue fallback = TriageQueue.findByCode(config.fallbackQueue())
                .orElseThrow(() -> new IllegalStateException("Fallback queue " + config.fallbackQueue() + " does not exist"));
        return new RoutingDecision(fallback, null);
    }
}
