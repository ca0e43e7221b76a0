package com.jackhoman.kfp.releaser.kfp.http;

import java.util.List;
import java.util.function.Function;

/**
 * One KFP collection under a path ({@code .../experiments}): get by id, create, delete and paged
 * lists, each answer read from its wire type {@code W} into our record {@code T}.
 */
public final class RestCollection<W, P, T> {

  private final KfpTransport transport;
  private final String path;
  private final Class<W> wire;
  private final Class<P> page;
  private final Function<P, Page<W>> pageOf;
  private final Function<W, T> read;
  private final UnreadableObjects unreadable = UnreadableObjects.SHARED;

  /**
   * A collection at {@code path} whose objects are {@code wire} and whose list answers are {@code
   * page}, read as pages by {@code pageOf}; {@code read} turns one object into our record.
   */
  public RestCollection(
      KfpTransport transport,
      String path,
      Class<W> wire,
      Class<P> page,
      Function<P, Page<W>> pageOf,
      Function<W, T> read) {
    this.transport = transport;
    this.path = path;
    this.wire = wire;
    this.page = page;
    this.pageOf = pageOf;
    this.read = read;
  }

  /** The object with this id. */
  public T get(String id) {
    return read.apply(transport.get(path + "/" + PathSegment.of(id), Query.none(), wire));
  }

  /** Creates an object from this JSON body. */
  public T create(Object body) {
    return read.apply(transport.post(path, body, wire));
  }

  /** Deletes the object with this id, with these options. */
  public void delete(String id, Query options) {
    transport.delete(path + "/" + PathSegment.of(id), options);
  }

  /** Every object the scope query and filter select (all pages). */
  public List<T> list(Query scope, ListFilter filter) {
    return list(scope.and("filter", filter == null ? null : filter.encoded()), Integer.MAX_VALUE);
  }

  /**
   * The first {@code limit} objects this query selects that can be read; one that cannot (a foreign
   * object in a shape we do not know, a record KFP itself failed to convert) is left out and logged
   * once, and so never touched.
   */
  public List<T> list(Query query, int limit) {
    return transport.list(path, query, page, pageOf, limit).stream()
        .flatMap(listed -> unreadable.readOrSkip(path, listed, read).stream())
        .toList();
  }
}
