package dev.hipflex.tracking.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.hipflex.common.problem.Problem.FieldError;
import dev.hipflex.common.problem.ProblemException;
import dev.hipflex.tracking.service.SummaryFhir;
import dev.hipflex.tracking.service.SummaryPdf;
import dev.hipflex.tracking.service.SummaryService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/v1/me/summary")
@RolesAllowed("**")
@SecurityRequirement(name = "jwt")
@Tag(name = "Summary")
public class MySummaryResource {

    /** The forms offered, the first one when the client takes either. */
    static final List<MediaType> FORMS = List.of(MediaType.valueOf(SummaryFhir.MEDIA_TYPE),
            MediaType.valueOf(SummaryPdf.MEDIA_TYPE));

    private final SummaryService summaries;
    private final SummaryFhir fhir;
    private final SummaryPdf pdf;
    private final JsonWebToken token;

    public MySummaryResource(SummaryService summaries, SummaryFhir fhir, SummaryPdf pdf, JsonWebToken token) {
        this.summaries = summaries;
        this.fhir = fhir;
        this.pdf = pdf;
        this.token = token;
    }

    @GET
    @Operation(summary = "Your data to take to a professional", description = "Accept: application/fhir+json gives a "
            + "FHIR R4 Bundle (Patient with your pseudonymous id only, pain Observations, your plan as a CarePlan, your "
            + "latest recommendation with its red flags, adherence Observations); Accept: application/pdf gives one "
            + "printable page. 406 for any other Accept; 404 while there is neither a plan nor a recommendation.")
    public Uni<Response> mine(HttpHeaders headers) {
        MediaType form = form(headers.getAcceptableMediaTypes());
        // Rendering is CPU work (HAPI's encoder, PDFBox), kept off the event loop.
        return summaries.of(token.getSubject()).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(summary -> SummaryPdf.MEDIA_TYPE.equals(form.toString())
                        ? Response.ok(pdf.render(summary), form).header("Content-Disposition",
                                "inline; filename=\"hipflex-summary.pdf\"").build()
                        : Response.ok(fhir.json(summary), form).build());
    }

    /** The form the client asks for, most preferred first (the list is sorted by quality); 406 when none fits. */
    static MediaType form(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            for (MediaType form : FORMS) {
                if (accepted.isCompatible(form)) {
                    return form;
                }
            }
        }
        throw new ProblemException(406, "Not Acceptable", "The summary comes as application/fhir+json or application/pdf",
                List.of(new FieldError("Accept", "must accept application/fhir+json or application/pdf, was "
                        + acceptable)));
    }
}
