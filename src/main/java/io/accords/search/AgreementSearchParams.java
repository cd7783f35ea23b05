package io.accords.search;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters shared by the agreement list, facets, sync walk and export, as the client sent them. Everything is read
 * as text and checked by {@link AgreementFilter#parse}, so a bad value is a 400 that names its parameter. Repeated
 * values of one parameter are alternatives (OR), except {@code country}; different parameters all apply (AND).
 */
@RegisterForReflection(fields = true)
public class AgreementSearchParams {

    static final String DATE = "YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for the whole period it covers";

    @QueryParam("q")
    @Parameter(
            description = "Words to find in the title, summary, systems, tags and the parties' names, acronyms and"
                    + " aliases, ignoring case and accents. Each word must begin a word of the agreement; several words all"
                    + " apply; a \"quoted phrase\" matches as a phrase. At most " + AgreementFilter.MAX_TEXT
                    + " characters.")
    public String q;

    @QueryParam("party")
    @Parameter(description = "A party's id or acronym (repeat for any of several), such as SIMA")
    public List<String> party;

    @QueryParam("country")
    @Parameter(
            description = "ISO 3166-1 alpha-2 code of a party's country. Repeated, all must take part:"
                    + " country=KR&country=PE finds agreements between Korea and Peru",
            example = "[\"KR\", \"PE\"]")
    public List<String> country;

    @QueryParam("sector")
    @Parameter(
            description = "Sector (repeat for any of several)",
            example = "[\"NAVAL\"]",
            schema = @Schema(type = SchemaType.ARRAY, implementation = io.accords.agreement.Sector.class))
    public List<String> sector;

    @QueryParam("mode")
    @Parameter(
            description = "Cooperation mode (repeat for any of several)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = io.accords.agreement.CooperationMode.class))
    public List<String> mode;

    @QueryParam("type")
    @Parameter(
            description = "Agreement type (repeat for any of several)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = io.accords.agreement.AgreementType.class))
    public List<String> type;

    @QueryParam("status")
    @Parameter(
            description = "Status (repeat for any of several)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = io.accords.agreement.AgreementStatus.class))
    public List<String> status;

    @QueryParam("system")
    @Parameter(
            description = "A system or programme named by the agreement, ignoring case (repeat for any of"
                    + " several), such as KF-21")
    public List<String> system;

    @QueryParam("signedFrom")
    @Parameter(
            description = "Signed on or after this date (" + DATE + "); an agreement whose signature is known"
                    + " only to the month or year matches when that period reaches the range",
            example = "2024")
    public String signedFrom;

    @QueryParam("signedTo")
    @Parameter(description = "Signed on or before this date (" + DATE + ")")
    public String signedTo;

    @QueryParam("effectiveFrom")
    @Parameter(description = "Effective on or after this date (" + DATE + ")")
    public String effectiveFrom;

    @QueryParam("effectiveTo")
    @Parameter(description = "Effective on or before this date (" + DATE + ")")
    public String effectiveTo;

    @QueryParam("expiresFrom")
    @Parameter(description = "Expires on or after this date (" + DATE + ")")
    public String expiresFrom;

    @QueryParam("expiresTo")
    @Parameter(description = "Expires on or before this date (" + DATE + ")")
    public String expiresTo;

    @QueryParam("activeOn")
    @Parameter(
            description = "In force on this day (YYYY-MM-DD): status SIGNED or IN_FORCE, started (effective,"
                    + " or signed when the effective date is unknown) on or before it, and not expired before it, such as"
                    + " 2025-06-30")
    public String activeOn;

    @QueryParam("updatedSince")
    @Parameter(
            description = "Changed at or after this instant (ISO 8601, e.g. 2025-01-31T12:00:00Z, or a day,"
                    + " meaning its start in UTC), such as 2025-01-31T12:00:00Z")
    public String updatedSince;

    @QueryParam("parent")
    @Parameter(description = "Id of the parent agreement: lists the arrangements under a framework")
    public String parent;
}
