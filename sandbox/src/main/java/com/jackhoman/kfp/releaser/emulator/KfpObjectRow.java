package com.jackhoman.kfp.releaser.emulator;

import java.util.Map;

/**
 * One object stored in the emulator, as the sandbox lists what exists in KFP.
 *
 * @param kind Pipeline, PipelineVersion, Experiment or RecurringRun
 * @param name its KFP name (display name for recurring runs and experiments)
 * @param id its KFP id
 * @param detail a short description: the pipeline of a version, the schedule of a recurring run
 * @param description its KFP description
 * @param tags its KFP tags (pipelines and versions; empty for the other kinds)
 */
public record KfpObjectRow(
    String kind,
    String name,
    String id,
    String detail,
    String description,
    Map<String, String> tags) {}
