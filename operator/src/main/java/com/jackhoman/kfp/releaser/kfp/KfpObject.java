package com.jackhoman.kfp.releaser.kfp;

import java.util.Optional;

/** What every KFP object the operator looks up has: an id, a name and maybe an owner's mark. */
public interface KfpObject {

  /** KFP's id of the object. */
  String id();

  /** The object's name in KFP. */
  String name();

  /** The mark of the custom resource that owns the object, if it carries one. */
  Optional<OwnerMark> owner();
}
