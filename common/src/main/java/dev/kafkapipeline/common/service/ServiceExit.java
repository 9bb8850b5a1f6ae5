package dev.kafkapipeline.common.service;

/** How a run ended: its exit status and the line the runner logged about it. */
public record ServiceExit(ExitStatus status, String message) {}
