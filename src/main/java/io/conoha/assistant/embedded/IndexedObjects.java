package io.conoha.assistant.embedded;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The Fabric8 mock's object store with an index by object name, so a request for one object costs the same with ten
 * objects stored as with ten thousand.
 *
 * <p>Why: the mock keeps every object in one map keyed by its attributes (kind, namespace, name, labels) and answers
 * every request, even a read of one named Secret, by matching every stored key against the request's attributes. At
 * N = 10 000 that scan was most of the in-process API's CPU and made the benchmark quadratic (profiled with JFR: the
 * event loop inside {@code AttributeSet.satisfiesAttribute}). Fabric8 offers no hook for a store of one's own, so
 * this replaces the map the mock was built with (its {@code map} field, once, before any request) by one that keeps
 * the same entries in the same order plus the index; the mock's own code still does every write.
 *
 * <p>A stored key can match a named query only if its {@code name} attribute holds the query's name, so looking up
 * the keys with that name and matching only those gives exactly what the full scan gives.
 */
final class IndexedObjects {
  private static final String NAME = "name";

  private final NamedMap objects = new NamedMap();
  /** The mock synchronizes on the map it holds; this is that map, so index reads see whole writes. */
  private final Map<AttributeSet, String> synchronizedView = Collections.synchronizedMap(objects);
  private final ReadWriteLock mockLock;

  private IndexedObjects(ReadWriteLock mockLock) {
    this.mockLock = mockLock;
  }

  /** Puts an indexed store into a dispatcher that holds nothing yet. */
  static IndexedObjects installIn(KubernetesCrudDispatcher dispatcher) {
    try {
      Field map = CrudDispatcher.class.getDeclaredField("map");
      map.setAccessible(true);
      if (!((Map<?, ?>) map.get(dispatcher)).isEmpty()) {
        throw new IllegalStateException("the mock already holds objects");
      }
      Field lock = KubernetesCrudDispatcher.class.getDeclaredField("lock");
      lock.setAccessible(true);
      IndexedObjects indexed = new IndexedObjects((ReadWriteLock) lock.get(dispatcher));
      map.set(dispatcher, indexed.synchronizedView);
      return indexed;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Fabric8's mock store changed shape: " + e, e);
    }
  }

  /** Whether {@link #find} answers this query (it names one object); other queries need the mock's scan. */
  static boolean named(AttributeSet query) {
    return name(query).isPresent();
  }

  /** The first stored entry (in the mock's order) that matches a named query, as the mock's scan finds it. */
  Optional<Map.Entry<AttributeSet, String>> find(AttributeSet query) {
    String name = name(query).orElseThrow(() -> new IllegalArgumentException("not a named query: " + query));
    synchronized (synchronizedView) {
      for (AttributeSet key : objects.keysNamed(name)) {
        if (key.matches(query)) {
          return Optional.of(Map.entry(key, objects.get(key)));
        }
      }
    }
    return Optional.empty();
  }

  /** {@link #find} under the mock's read lock, for a read that does not come through the mock's own handlers. */
  Optional<String> read(AttributeSet query) {
    mockLock.readLock().lock();
    try {
      return find(query).map(Map.Entry::getValue);
    } finally {
      mockLock.readLock().unlock();
    }
  }

  int size() {
    return synchronizedView.size();
  }

  private static Optional<String> name(AttributeSet query) {
    Attribute name = query.getAttribute(NAME);
    if (name == null || name.getValues().size() != 1) {
      return Optional.empty();
    }
    // A create by generateName asks for the name null: the mock's scan answers that.
    return Optional.ofNullable(name.getValues().get(0).toString());
  }

  /**
   * The mock's map (a {@link LinkedHashMap}, so lists keep their order) and the keys by name. Only put, remove and
   * clear change it; every other way to change a map is refused, so a newer mock that used one fails loudly here
   * instead of leaving the index stale.
   */
  private static final class NamedMap extends LinkedHashMap<AttributeSet, String> {
    private final Map<String, Set<AttributeSet>> byName = new HashMap<>();

    Collection<AttributeSet> keysNamed(String name) {
      return byName.getOrDefault(name, Set.of());
    }

    @Override
    public String put(AttributeSet key, String value) {
      String previous = super.put(key, value);
      names(key).forEach(n -> byName.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(key));
      return previous;
    }

    @Override
    public String remove(Object key) {
      boolean had = containsKey(key);
      String previous = super.remove(key);
      if (had) {
        names((AttributeSet) key).forEach(n -> {
          Set<AttributeSet> keys = byName.get(n);
          keys.remove(key);
          if (keys.isEmpty()) {
            byName.remove(n);
          }
        });
      }
      return previous;
    }

    @Override
    public void clear() {
      super.clear();
      byName.clear();
    }

    @Override
    public void putAll(Map<? extends AttributeSet, ? extends String> entries) {
      entries.forEach(this::put);
    }

    private static List<String> names(AttributeSet key) {
      Attribute name = key.getAttribute(NAME);
      List<String> names = new ArrayList<>();
      if (name != null) {
        name.getValues().stream().map(Object::toString).filter(java.util.Objects::nonNull).forEach(names::add);
      }
      return names;
    }

    @Override
    public Set<Map.Entry<AttributeSet, String>> entrySet() {
      return Collections.unmodifiableSet(super.entrySet());
    }

    @Override
    public Set<AttributeSet> keySet() {
      return Collections.unmodifiableSet(super.keySet());
    }

    @Override
    public Collection<String> values() {
      return Collections.unmodifiableCollection(super.values());
    }

    @Override
    public boolean remove(Object key, Object value) {
      throw unsupported();
    }

    @Override
    public String putIfAbsent(AttributeSet key, String value) {
      throw unsupported();
    }

    @Override
    public String replace(AttributeSet key, String value) {
      throw unsupported();
    }

    @Override
    public boolean replace(AttributeSet key, String oldValue, String newValue) {
      throw unsupported();
    }

    @Override
    public void replaceAll(BiFunction<? super AttributeSet, ? super String, ? extends String> function) {
      throw unsupported();
    }

    @Override
    public String computeIfAbsent(AttributeSet key, Function<? super AttributeSet, ? extends String> function) {
      throw unsupported();
    }

    @Override
    public String computeIfPresent(AttributeSet key,
        BiFunction<? super AttributeSet, ? super String, ? extends String> function) {
      throw unsupported();
    }

    @Override
    public String compute(AttributeSet key, BiFunction<? super AttributeSet, ? super String, ? extends String> f) {
      throw unsupported();
    }

    @Override
    public String merge(AttributeSet key, String value,
        BiFunction<? super String, ? super String, ? extends String> function) {
      throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
      return new UnsupportedOperationException("the indexed mock store changes only by put, remove and clear");
    }
  }
}
