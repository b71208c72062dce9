package io.conoha.assistant.operator.account;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.health.Status;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.Set;

/**
 * Feeds account polls into one controller: after each poll, the resources of this controller's kind whose
 * ConoHa objects changed (or that are mid-change) are reconciled. There is no per-resource polling loop.
 */
public final class AccountEventSource<P extends HasMetadata> extends AbstractEventSource<AccountSnapshot, P> {
  private final Accounts accounts;
  private final String kind;

  public AccountEventSource(Accounts accounts, String kind) {
    super(AccountSnapshot.class, "conoha-accounts-" + kind);
    this.accounts = accounts;
    this.kind = kind;
  }

  @Override
  public void start() {
    accounts.listen(kind, interest -> {
      if (isRunning() && getEventHandler() != null) {
        getEventHandler().handleEvent(new Event(interest.resource()));
      }
    });
    super.start();
  }

  @Override
  public Set<AccountSnapshot> getSecondaryResources(P primary) {
    return Set.of();
  }

  @Override
  public Status getStatus() {
    return accounts.healthy() ? Status.HEALTHY : Status.UNHEALTHY;
  }
}
