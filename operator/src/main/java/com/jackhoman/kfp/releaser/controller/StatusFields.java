package com.jackhoman.kfp.releaser.controller;

import io.fabric8.kubernetes.api.model.Condition;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The status fields every kind of ours has ({@code conditions}, {@code observedGeneration}), on
 * that kind's status class. The classes are generated from the CRDs, where every kind declares
 * these fields, and share no interface, so the accessors are found by their generated names.
 *
 * @param <S> the status class
 */
public final class StatusFields<S> {

  private final Class<S> type;
  private final Method getConditions;
  private final Method setConditions;
  private final Method setObservedGeneration;

  private StatusFields(Class<S> type) throws NoSuchMethodException {
    this.type = type;
    this.getConditions = type.getMethod("getConditions");
    this.setConditions = type.getMethod("setConditions", List.class);
    this.setObservedGeneration = type.getMethod("setObservedGeneration", Long.class);
  }

  /** The fields of {@code type}, which must be the status class generated for one of our CRDs. */
  public static <S> StatusFields<S> of(Class<S> type) {
    try {
      return new StatusFields<>(type);
    } catch (NoSuchMethodException notAStatus) {
      throw new IllegalArgumentException(
          type.getName() + " lacks the conditions and observedGeneration of our CRDs", notAStatus);
    }
  }

  /** The status class. */
  public Class<S> type() {
    return type;
  }

  /** The conditions of {@code status}. */
  @SuppressWarnings("unchecked")
  public List<Condition> conditions(S status) {
    return (List<Condition>) invoke(getConditions, status);
  }

  /** Sets the conditions of {@code status}. */
  public void setConditions(S status, List<Condition> conditions) {
    invoke(setConditions, status, conditions);
  }

  /** Sets the generation {@code status} was worked out for. */
  public void setObservedGeneration(S status, Long generation) {
    invoke(setObservedGeneration, status, generation);
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException | InvocationTargetException broken) {
      throw new IllegalStateException("Cannot call " + method, broken);
    }
  }
}
