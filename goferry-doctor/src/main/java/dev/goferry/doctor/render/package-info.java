/** Renderers of a diagnosis: human text ({@link dev.goferry.doctor.render.DiagnosisText}) and {@code goferry.doctor/v1} JSON ({@link dev.goferry.doctor.render.DiagnosisJson}). */
package dev.goferry.doctor.render;
