package io.conoha.assistant.operator;

import io.conoha.assistant.metrics.OperatorMetrics;
import io.conoha.assistant.operator.account.Accounts;
import io.conoha.assistant.operator.reconcile.ActionMemory;
import io.conoha.assistant.operator.reconcile.Backoffs;
import io.conoha.assistant.operator.reconcile.EventRecorder;
import io.conoha.assistant.operator.reconcile.SecretReader;
import io.conoha.assistant.operator.reconcile.WaitClock;
import java.time.Clock;

/**
 * What every reconcile needs besides the resource: shared accounts, secrets, events, settings, metrics.
 * {@code clock} measures waits, deadlines and polls; {@code calendar} is what schedules are read on (the same clock
 * in production; a {@link ScaledClock} in the demo, the playground and tests).
 */
public record OperatorContext(
    Accounts accounts,
    SecretReader secrets,
    EventRecorder events,
    OperatorSettings settings,
    OperatorMetrics metrics,
    Backoffs backoffs,
    ActionMemory actions,
    WaitClock waits,
    Clock clock,
    Clock calendar) {}
