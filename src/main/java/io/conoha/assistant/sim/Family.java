package io.conoha.assistant.sim;

/** Which OpenStack service answers: each spells its errors differently. */
enum Family {
  IDENTITY, COMPUTE, IMAGE, VOLUME, NETWORK, DNS, ADMIN
}
