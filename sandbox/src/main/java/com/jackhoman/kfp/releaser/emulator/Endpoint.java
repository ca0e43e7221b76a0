package com.jackhoman.kfp.releaser.emulator;

/** Handles the requests of one route and answers with a response or throws a {@link KfpError}. */
@FunctionalInterface
interface Endpoint {

  ApiResponse handle(ApiRequest request);
}
