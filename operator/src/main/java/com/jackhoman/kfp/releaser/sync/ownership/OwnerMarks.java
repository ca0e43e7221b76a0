package com.jackhoman.kfp.releaser.sync.ownership;

import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The mark and the name a KFP object gets from the object of ours it belongs to. The name is {@code
 * namespace/name}: a namespace holds no {@code /}, so two objects of different namespaces can never
 * get the same name (the Go operator's {@code namespace-name} could).
 */
public final class OwnerMarks {

  /** The annotation that lets an object take over an unmarked KFP object of its name. */
  public static final String ADOPT_ANNOTATION = "kfp.jackhoman.com/adopt";

  private OwnerMarks() {}

  /** The mark of {@code owner}: its namespace, name and uid. */
  public static OwnerMark of(HasMetadata owner) {
    return new OwnerMark(
        owner.getMetadata().getNamespace(),
        owner.getMetadata().getName(),
        owner.getMetadata().getUid());
  }

  /** The KFP name of an object owned by {@code owner}. */
  public static String kfpName(HasMetadata owner) {
    return owner.getMetadata().getNamespace() + "/" + owner.getMetadata().getName();
  }

  /**
   * The KFP name of the pipeline of {@code owner}: {@link #kfpName}, except where KFP keeps
   * pipelines as Kubernetes objects, whose names must be DNS-1123 subdomains
   * (storage/pipeline_store_kubernetes.go {@code CreatePipeline}, KFP 2.14 on): there {@code
   * namespace.name}, which stays unique since a namespace holds no dot.
   */
  public static String kfpPipelineName(HasMetadata owner, KfpFeatures features) {
    return features.dnsPipelineNames()
        ? owner.getMetadata().getNamespace() + "." + owner.getMetadata().getName()
        : kfpName(owner);
  }

  /** True when {@code owner} asks to take over an unmarked KFP object of its name. */
  public static boolean adopts(HasMetadata owner) {
    return owner.getMetadata().getAnnotations() != null
        && "true".equals(owner.getMetadata().getAnnotations().get(ADOPT_ANNOTATION));
  }
}
