package io.conoha.assistant.operator.chaos;

/** An action and how long the driver waits before it: the "random moment" it happens at. */
record Step(long pauseMillis, Action action) {}
