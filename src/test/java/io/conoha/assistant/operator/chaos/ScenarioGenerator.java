package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.operator.chaos.ImageActions.ImportImage;
import io.conoha.assistant.operator.chaos.ImageActions.SnapshotById;
import io.conoha.assistant.operator.chaos.ImageActions.SnapshotByRef;
import io.conoha.assistant.operator.chaos.OutsideActions.FaultKind;
import io.conoha.assistant.operator.chaos.ServerActions.Broken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a seed into a sequence of user actions, faults and restarts at random moments. The sequence depends on the
 * seed alone (one {@link Random}, ordered collections), so a seed replays the same actions with the same pauses;
 * only the operator's timing around them varies. Even seeds run on v2, odd ones on v3.
 *
 * <p>The generator keeps its own belief of which resources exist, so most actions make sense (a state flip of a
 * server that exists, a fix after a break); an action that no longer fits when it runs is skipped by the driver.
 */
final class ScenarioGenerator {
  static final List<String> SERVER_SLOTS = List.of("s0", "s1", "s2");
  static final List<String> IMAGE_SLOTS = List.of("i0", "i1");
  private static final List<String> COMMON_OPERATIONS = List.of("servers.list", "servers.get", "images.list",
      "images.get", "servers.create", "servers.delete", "servers.action.os-stop", "servers.action.os-start",
      "servers.action.resize", "servers.metadata.update", "images.delete", "identity.tokens");
  private static final List<String> V2_OPERATIONS = List.of("servers.action.createImage");
  private static final List<String> V3_OPERATIONS = List.of("volumes.list", "volumes.get", "volumes.create",
      "volumes.delete", "volumes.action.os-volume_upload_image", "images.quota", "images.total");
  private static final Map<ApiGeneration, List<String>> CREATES = Map.of(
      ApiGeneration.V2, List.of("servers.create", "servers.action.createImage", "servers.delete"),
      ApiGeneration.V3, List.of("servers.create", "volumes.create", "volumes.action.os-volume_upload_image",
          "servers.delete", "volumes.delete"));

  private final Random random;
  private final ApiGeneration generation;
  private final List<String> operations = new ArrayList<>(COMMON_OPERATIONS);
  private final List<Step> steps = new ArrayList<>();
  /** What the generator believes: server slots in use and their desired state, image slots in use, locks. */
  private final Map<String, ServerState> servers = new TreeMap<>();
  private final Set<String> images = new TreeSet<>();
  private final Set<String> locked = new TreeSet<>();
  private boolean passwordBroken;
  private boolean secretDeleted;

  private ScenarioGenerator(long seed) {
    this.random = new Random(seed);
    this.generation = generationOf(seed);
    operations.addAll(generation == ApiGeneration.V2 ? V2_OPERATIONS : V3_OPERATIONS);
  }

  static ApiGeneration generationOf(long seed) {
    return seed % 2 == 0 ? ApiGeneration.V2 : ApiGeneration.V3;
  }

  static List<Step> generate(long seed) {
    return new ScenarioGenerator(seed).build();
  }

  private List<Step> build() {
    createServer("s0", 0);
    int length = 14 + random.nextInt(7);
    while (steps.size() < length) {
      next();
    }
    return List.copyOf(steps);
  }

  private void next() {
    Choices choices = new Choices(random);
    String freeServer = free(SERVER_SLOTS, servers.keySet());
    String freeImage = free(IMAGE_SLOTS, images);
    String server = any(servers.keySet());
    String image = any(images);
    if (freeServer != null) {
      choices.add(8, () -> createServer(freeServer, pause()));
      choices.add(3, () -> {
        ServerState state = random.nextInt(4) == 0 ? ServerState.Stopped : ServerState.Running;
        emit(new ServerActions.AdoptFreeServer(freeServer, state, serverPolicy()));
        servers.put(freeServer, state);
      });
      choices.add(2, () -> {
        emit(new ServerActions.CreateBrokenServer(freeServer, pick(Broken.values()), serverPolicy()));
        servers.put(freeServer, ServerState.Running);
      });
      if (server != null) {
        choices.add(3, () -> {
          emit(new ServerActions.AdoptOwnedServer(freeServer, server, serverPolicy()));
          servers.put(freeServer, ServerState.Running);
        });
      }
    }
    if (server != null) {
      choices.add(20, () -> setState(server, otherState(servers.get(server)), pause()));
      choices.add(6, () -> {
        // the data-loss pattern: archive, and take it back while the stop or the save is still running
        setState(server, ServerState.Archived, pause());
        setState(server, random.nextBoolean() ? ServerState.Running : ServerState.Stopped, 80 + random.nextInt(700));
      });
      choices.add(4, () -> emit(new ServerActions.ChangeFlavor(server)));
      choices.add(5, () -> {
        emit(new DeleteResource(server));
        servers.remove(server);
      });
      choices.add(3, () -> emit(new OutsideActions.PanelDeleteServer(server)));
      choices.add(2, () -> {
        emit(new OutsideActions.PanelLock(server, true));
        locked.add(server);
      });
      if (generation == ApiGeneration.V3) {
        choices.add(2, () -> emit(new OutsideActions.VolumeError(server)));
      }
    }
    if (freeImage != null) {
      choices.add(4, () -> {
        emit(new SnapshotByRef(freeImage, server != null ? server : pick(SERVER_SLOTS), imagePolicy()));
        images.add(freeImage);
      });
      choices.add(3, () -> {
        emit(new SnapshotById(freeImage, server != null && random.nextBoolean() ? server : null, imagePolicy()));
        images.add(freeImage);
      });
      choices.add(2, () -> {
        emit(new ImportImage(freeImage, random.nextBoolean(), imagePolicy()));
        images.add(freeImage);
      });
    }
    if (image != null) {
      choices.add(3, () -> {
        emit(new DeleteResource(image));
        images.remove(image);
      });
    }
    String lockedServer = any(locked);
    if (lockedServer != null) {
      choices.add(3, () -> {
        emit(new OutsideActions.PanelLock(lockedServer, false));
        locked.remove(lockedServer);
      });
    }
    if (passwordBroken) {
      choices.add(6, () -> {
        emit(new OutsideActions.RestoreSecret("fix the password"));
        passwordBroken = false;
      });
    } else {
      choices.add(2, () -> {
        emit(new OutsideActions.BreakPassword());
        passwordBroken = true;
        secretDeleted = false;
      });
    }
    if (secretDeleted) {
      choices.add(4, () -> {
        emit(new OutsideActions.RestoreSecret("restore the deleted Secret"));
        secretDeleted = false;
      });
    } else {
      choices.add(1.5, () -> {
        emit(new OutsideActions.DeleteSecret());
        secretDeleted = true;
        passwordBroken = false;
      });
    }
    choices.add(2, () -> emit(new OutsideActions.RotateSecret()));
    choices.add(2, () -> emit(new OutsideActions.FailNextSave()));
    choices.add(5, () -> emit(new OutsideActions.Fault(pick(FaultKind.values()), pick(operations))));
    choices.add(2, () -> emit(new OutsideActions.Fault(FaultKind.CREATE_THEN_FAIL, pick(CREATES.get(generation)))));
    choices.add(1.5, () -> emit(new OutsideActions.ListLag(200 + random.nextInt(800))));
    choices.add(1.5, () -> emit(new OutsideActions.RevokeTokens()));
    choices.add(1, () -> emit(new OutsideActions.ClearFaults()));
    choices.add(3, () -> emit(new OutsideActions.RestartOperator()));
    choices.pick().run();
  }

  private void createServer(String slot, long pause) {
    ServerState state = random.nextInt(5) == 0 ? ServerState.Stopped : ServerState.Running;
    steps.add(new Step(pause, new ServerActions.CreateServer(slot, state, serverPolicy(), random.nextInt(4) == 0)));
    servers.put(slot, state);
  }

  private void setState(String slot, ServerState state, long pause) {
    steps.add(new Step(pause, new ServerActions.SetState(slot, state)));
    servers.put(slot, state);
  }

  private void emit(Action action) {
    steps.add(new Step(pause(), action));
  }

  /**
   * A third of the actions come within 150 ms (in the middle of a transition: builds take 150 ms, stops 80 ms,
   * saves 600 ms), most within a second, some after a pause long enough for things to settle.
   */
  private long pause() {
    double p = random.nextDouble();
    if (p < 0.35) {
      return random.nextInt(150);
    }
    return p < 0.75 ? 150 + random.nextInt(750) : 900 + random.nextInt(1600);
  }

  private ServerState otherState(ServerState now) {
    List<ServerState> others = new ArrayList<>(List.of(ServerState.Archived, ServerState.Archived,
        ServerState.Running, ServerState.Stopped));
    others.removeIf(s -> s == now);
    return pick(others.toArray(ServerState[]::new));
  }

  private DeletionPolicy serverPolicy() {
    return random.nextInt(10) < 7 ? DeletionPolicy.Delete : DeletionPolicy.Retain;
  }

  private DeletionPolicy imagePolicy() {
    return random.nextInt(10) < 6 ? DeletionPolicy.Retain : DeletionPolicy.Delete;
  }

  private static String free(List<String> slots, Set<String> used) {
    return slots.stream().filter(s -> !used.contains(s)).findFirst().orElse(null);
  }

  private String any(Set<String> used) {
    return used.isEmpty() ? null : pick(used.toArray(String[]::new));
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** A weighted choice among the actions that make sense now. */
  private static final class Choices {
    private final Random random;
    private final List<Double> weights = new ArrayList<>();
    private final List<Runnable> options = new ArrayList<>();

    Choices(Random random) {
      this.random = random;
    }

    void add(double weight, Runnable option) {
      weights.add(weight);
      options.add(option);
    }

    Runnable pick() {
      double total = weights.stream().mapToDouble(Double::doubleValue).sum();
      double r = random.nextDouble() * total;
      for (int i = 0; i < options.size(); i++) {
        r -= weights.get(i);
        if (r < 0) {
          return options.get(i);
        }
      }
      return options.get(options.size() - 1);
    }
  }
}
