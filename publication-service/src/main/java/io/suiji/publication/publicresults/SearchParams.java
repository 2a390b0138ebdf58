package io.suiji.publication.publicresults;

import io.suiji.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;

/** The results search's query parameters, shared by the JSON API, the site and the downloads. */
public class SearchParams {

    @QueryParam("name")
    String name;
    @QueryParam("code")
    String code;
    @QueryParam("matter")
    String matter;
    @QueryParam("year")
    String year;
    @QueryParam("region")
    String region;
    @QueryParam("outcome")
    String outcome;
    @QueryParam("page")
    String page;
    @QueryParam("size")
    String size;

    public ResultQuery.Parsed parse() {
        return ResultQuery.parse(name, code, matter, year, region, outcome, page, size);
    }

    /** The query, or a 400 problem naming every bad parameter. */
    public ResultQuery query() {
        ResultQuery.Parsed parsed = parse();
        if (parsed.query() == null) {
            throw ProblemException.badParameters(parsed.errors());
        }
        return parsed.query();
    }
}
