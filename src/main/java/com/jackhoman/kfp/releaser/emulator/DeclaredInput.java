package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;

/**
 * One input a package declares: IR {@code parameterType} name (STRING for Argo), its default (null
 * when none) and whether a run must supply it.
 */
record DeclaredInput(String name, String type, JsonElement defaultValue, boolean required) {}
