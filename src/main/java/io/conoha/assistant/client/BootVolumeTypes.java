package io.conoha.assistant.client;

import io.conoha.assistant.client.error.UnknownVolumeTypeException;
import io.conoha.assistant.client.model.Flavor;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which volume type a boot volume gets, from the types the account offers ({@code GET /types}). Sources
 * disagree on ConoHa's names: the reference page gives {@code c3j1-as01-boot} (30 GB) for the 512 MB plan,
 * GMO's Terraform provider and other clients use {@code c3j1-ds02-boot} at 30 GB, GPU plans use
 * {@code c3j1-ds03-boot} (conoha-cli). So the choice is made from what the account lists, in this order of
 * preference; an explicit type always wins but must be one the account offers.
 */
public final class BootVolumeTypes {
  static final int SMALL_PLAN_RAM_MIB = 512;
  /** GPU plans carry their GPU count after the memory: g2l-t-c20m128g1-l4. */
  private static final Pattern GPU_PLAN = Pattern.compile(".*-c\\d+m\\d+g\\d+.*");
  /** Used only when the account's list cannot be read: ConoHa's reference page. */
  static final String DOCUMENTED_SMALL = "c3j1-as01-boot";
  static final String DOCUMENTED_OTHER = "c3j1-ds02-boot";

  private BootVolumeTypes() {}

  /** The preferred type-name endings for a plan, best first. */
  static List<String> preferredSuffixes(Flavor plan) {
    if (plan.name() != null && GPU_PLAN.matcher(plan.name()).matches()) {
      return List.of("-ds03-boot", "-ds02-boot");
    }
    return plan.ramMiB() <= SMALL_PLAN_RAM_MIB ? List.of("-as01-boot", "-ds02-boot") : List.of("-ds02-boot");
  }

  /**
   * The type to send: the explicit one if the account offers it (an unknown one is an error naming the
   * offered types); else the first preferred ending the account offers; else its only or first boot type;
   * else none at all (null: the cloud's default type, as on a stock OpenStack whose types are not ConoHa's).
   *
   * @param offered the account's types; empty when the account listed none
   */
  public static String choose(Flavor plan, String explicit, List<String> offered) {
    if (explicit != null && !explicit.isBlank()) {
      if (!offered.isEmpty() && !offered.contains(explicit)) {
        throw new UnknownVolumeTypeException(explicit, offered);
      }
      return explicit;
    }
    for (String suffix : preferredSuffixes(plan)) {
      Optional<String> match = offered.stream().filter(t -> t.endsWith(suffix)).findFirst();
      if (match.isPresent()) {
        return match.get();
      }
    }
    return offered.stream().filter(t -> t.endsWith("-boot")).findFirst().orElse(null);
  }

  /** When {@code GET /types} failed: ConoHa's documented names (an explicit type is sent unchecked). */
  public static String documented(Flavor plan, String explicit) {
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    return plan.ramMiB() <= SMALL_PLAN_RAM_MIB ? DOCUMENTED_SMALL : DOCUMENTED_OTHER;
  }
}
