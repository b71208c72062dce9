package io.conoha.assistant.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Faults the simulator injects, by operation name (as the ledger counts them; {@code "*"} means every operation
 * except {@code admin}). Random choices come from generators seeded with {@link SimConfig#seed()} and the rule,
 * so the same seed and the same requests give the same faults, whatever other operations do in between.
 *
 * <p>Precedence for one request: latency first (it delays whatever follows), then hangNext, failNext,
 * rateLimitNext, rateLimitRate, errorRate. createThenFail acts after a successful handler.
 */
public final class FaultInjector {
  /** What to do with one request before it reaches its handler. */
  record Decision(Kind kind, int status, Duration retryAfter) {
    enum Kind { PASS, HANG, ERROR, RATE_LIMIT }

    static final Decision PASS = new Decision(Kind.PASS, 0, null);
  }

  private static final String ANY = "*";

  private final long seed;
  private final TokenStore tokens;
  private Duration latencyMin = Duration.ZERO;
  private Duration latencyMax = Duration.ZERO;
  private Random latencyRandom;
  private final List<Rule> rules = new ArrayList<>();
  private Duration listLag = Duration.ZERO;
  private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();

  /** One configured fault; {@code remaining} < 0 means "by probability" rather than "the next N". */
  private static final class Rule {
    final String kind;
    final String operation;
    final int status;
    final double probability;
    final Duration retryAfter;
    final Random random;
    int remaining;

    Rule(String kind, String operation, int status, double probability, int times, Duration retryAfter, long seed) {
      this.kind = kind;
      this.operation = operation;
      this.status = status;
      this.probability = probability;
      this.remaining = times;
      this.retryAfter = retryAfter;
      this.random = new Random(seed * 31 + (kind + "|" + operation + "|" + status).hashCode());
    }

    boolean matches(String op) {
      return operation.equals(op) || operation.equals(ANY) && !op.equals("admin");
    }

    /** Counts down "next N" rules; draws for probability rules. */
    boolean fires() {
      if (remaining >= 0) {
        if (remaining == 0) {
          return false;
        }
        remaining--;
        return true;
      }
      return random.nextDouble() < probability;
    }
  }

  FaultInjector(long seed, TokenStore tokens) {
    this.seed = seed;
    this.tokens = tokens;
    this.latencyRandom = new Random(seed);
  }

  /** Every answer is delayed by a duration drawn uniformly from [min, max]. */
  public synchronized FaultInjector latency(Duration min, Duration max) {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency needs 0 <= min <= max");
    }
    latencyMin = min;
    latencyMax = max;
    latencyRandom = new Random(seed);
    return this;
  }

  /** Answers {@code status} (500, 503, ...) with an OpenStack fault body with this probability. */
  public synchronized FaultInjector errorRate(String operation, int status, double probability) {
    checkStatus(status);
    checkProbability(probability);
    rules.add(new Rule("error", operation, status, probability, -1, null, seed));
    return this;
  }

  /** The next {@code times} requests of this operation answer {@code status}. */
  public synchronized FaultInjector failNext(String operation, int status, int times) {
    checkStatus(status);
    rules.add(new Rule("error", operation, status, 0, checkTimes(times), null, seed));
    return this;
  }

  /** The next {@code times} requests answer 429 with {@code Retry-After} (whole seconds, rounded up). */
  public synchronized FaultInjector rateLimitNext(String operation, int times, Duration retryAfter) {
    rules.add(new Rule("rateLimit", operation, 429, 0, checkTimes(times), retryAfter, seed));
    return this;
  }

  public synchronized FaultInjector rateLimitRate(String operation, double probability, Duration retryAfter) {
    checkProbability(probability);
    rules.add(new Rule("rateLimit", operation, 429, probability, -1, retryAfter, seed));
    return this;
  }

  /** The next {@code times} requests are never answered; the client has to time out. */
  public synchronized FaultInjector hangNext(String operation, int times) {
    rules.add(new Rule("hang", operation, 0, 0, checkTimes(times), null, seed));
    return this;
  }

  /**
   * The next {@code times} successful requests of a create-like operation take effect and then answer 503, as a
   * proxy timing out behind a slow create would: the resource exists although the client saw an error.
   */
  public synchronized FaultInjector createThenFail(String operation, int times) {
    rules.add(new Rule("createThenFail", operation, 503, 0, checkTimes(times), null, seed));
    return this;
  }

  /** Eventual consistency: new servers, volumes and images stay out of lists (not GET by id) for {@code lag}. */
  public synchronized FaultInjector listLag(Duration lag) {
    listLag = lag;
    return this;
  }

  /** Every token issued so far answers 401 from now on; new tokens work. */
  public FaultInjector revokeTokens() {
    tokens.revokeAll();
    return this;
  }

  /** Removes every configured fault (revoked tokens stay revoked; the injected counts stay). */
  public synchronized FaultInjector clear() {
    rules.clear();
    latencyMin = Duration.ZERO;
    latencyMax = Duration.ZERO;
    listLag = Duration.ZERO;
    return this;
  }

  /** Adds the faults of a plan (config file or {@code POST /admin/faults}). */
  public synchronized FaultInjector apply(FaultPlan plan) {
    if (plan.latency() != null) {
      latency(plan.latency().min(), plan.latency().max());
    }
    plan.errorRates().forEach(r -> errorRate(r.operation(), r.status(), r.probability()));
    plan.failNext().forEach(r -> failNext(r.operation(), r.status(), r.times()));
    plan.rateLimitNext().forEach(r -> rateLimitNext(r.operation(), r.times(), r.retryAfter()));
    plan.rateLimitRates().forEach(r -> rateLimitRate(r.operation(), r.probability(), r.retryAfter()));
    plan.hangNext().forEach(r -> hangNext(r.operation(), r.times()));
    plan.createThenFail().forEach(r -> createThenFail(r.operation(), r.times()));
    if (plan.listLag() != null) {
      listLag(plan.listLag());
    }
    if (plan.revokeTokens()) {
      revokeTokens();
    }
    return this;
  }

  /** A human summary: what is configured and how many faults were injected so far. */
  public synchronized String describe() {
    List<String> lines = new ArrayList<>();
    if (latencyMax.compareTo(Duration.ZERO) > 0) {
      lines.add("latency " + Units.human(latencyMin) + ".." + Units.human(latencyMax) + " on every request");
    }
    for (Rule r : rules) {
      String what = switch (r.kind) {
        case "error" -> "answer " + r.status;
        case "rateLimit" -> "answer 429 (Retry-After " + Units.human(r.retryAfter) + ")";
        case "hang" -> "never answer";
        default -> "do it, then answer 503";
      };
      String when = r.remaining >= 0 ? "next " + r.remaining + " time(s)" : "with probability " + r.probability;
      lines.add(r.operation + ": " + what + ", " + when);
    }
    if (!listLag.isZero()) {
      lines.add("lists lag " + Units.human(listLag) + " behind creates");
    }
    if (tokens.revokedCount() > 0) {
      lines.add(tokens.revokedCount() + " token(s) revoked");
    }
    if (lines.isEmpty()) {
      lines.add("no faults configured");
    }
    Map<String, Long> counts = injectedCounts();
    lines.add("injected so far: " + (counts.isEmpty() ? "none" : counts.toString()));
    return String.join("\n", lines);
  }

  /**
   * How many faults were injected, by {@code <what>:<operation>}: {@code 503:servers.create},
   * {@code 429:servers.get}, {@code hang:images.get}, {@code createThenFail:servers.create},
   * {@code latency:servers.list}, {@code revoked:servers.get}.
   */
  public Map<String, Long> injectedCounts() {
    Map<String, Long> out = new TreeMap<>();
    injected.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  synchronized Duration drawLatency(String operation) {
    if (latencyMax.isZero() || operation.equals("admin")) {
      return Duration.ZERO;
    }
    long span = latencyMax.toNanos() - latencyMin.toNanos();
    long extra = span == 0 ? 0 : (long) (latencyRandom.nextDouble() * span);
    count("latency:" + operation);
    return latencyMin.plusNanos(extra);
  }

  /** The order in which rules are consulted: exact "next N" rules before probabilities. */
  private static final List<Map.Entry<String, Boolean>> PRECEDENCE = List.of(
      Map.entry("hang", true), Map.entry("error", true), Map.entry("rateLimit", true),
      Map.entry("rateLimit", false), Map.entry("error", false));

  synchronized Decision decide(String operation) {
    for (Map.Entry<String, Boolean> step : PRECEDENCE) {
      Rule rule = firstFiring(step.getKey(), operation, step.getValue());
      if (rule == null) {
        continue;
      }
      return switch (rule.kind) {
        case "hang" -> {
          count("hang:" + operation);
          yield new Decision(Decision.Kind.HANG, 0, null);
        }
        case "error" -> {
          count(rule.status + ":" + operation);
          yield new Decision(Decision.Kind.ERROR, rule.status, null);
        }
        default -> {
          count("429:" + operation);
          yield new Decision(Decision.Kind.RATE_LIMIT, 429, rule.retryAfter);
        }
      };
    }
    return Decision.PASS;
  }

  /** Whether a successful create of this operation should now answer 503 instead. */
  synchronized boolean takeCreateThenFail(String operation) {
    Rule rule = firstFiring("createThenFail", operation, true);
    if (rule != null) {
      count("createThenFail:" + operation);
    }
    return rule != null;
  }

  synchronized Duration listLag() {
    return listLag;
  }

  void countRevoked(String operation) {
    count("revoked:" + operation);
  }

  private Rule firstFiring(String kind, String operation, boolean counted) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule r = it.next();
      if (r.kind.equals(kind) && r.matches(operation) && (r.remaining >= 0) == counted && r.fires()) {
        if (r.remaining == 0) {
          it.remove();
        }
        return r;
      }
    }
    return null;
  }

  private void count(String key) {
    injected.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private static void checkStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an injected error needs a 4xx or 5xx status, got " + status);
    }
  }

  private static void checkProbability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be within 0..1, got " + p);
    }
  }

  private static int checkTimes(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1, got " + times);
    }
    return times;
  }

  /** For the admin endpoint: the configured rules as data. */
  synchronized Map<String, Object> configured() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("latencyMin", latencyMin.toString());
    out.put("latencyMax", latencyMax.toString());
    out.put("listLag", listLag.toString());
    out.put("revokedTokens", tokens.revokedCount());
    out.put("rules", rules.stream().map(r -> Map.of("kind", r.kind, "operation", r.operation, "status", r.status,
        "probability", r.probability, "remaining", r.remaining)).toList());
    return out;
  }
}
