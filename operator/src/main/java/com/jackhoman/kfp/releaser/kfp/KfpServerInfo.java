package com.jackhoman.kfp.releaser.kfp;

/** What KFP's health endpoint says about the server behind the client. */
public record KfpServerInfo(KfpApiVersion api, String release, String commit, boolean multiUser) {}
