"""Drives an actorgraph SPARQL endpoint with SPARQLWrapper, a real SPARQL
1.1 Protocol client, and prints what it got as one JSON object.

Usage: sparqlwrapper_client.py ENDPOINT_URL
"""

import json
import sys

from SPARQLWrapper import (CSV, JSON, POST, TURTLE, XML, SPARQLWrapper)
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

PREFIXES = """PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX actor: <https://w3id.org/actorgraph/actor/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


def client(url, query, fmt, method=None):
    s = SPARQLWrapper(url)
    s.setTimeout(20)
    s.setQuery(PREFIXES + query)
    s.setReturnFormat(fmt)
    if method:
        s.setMethod(method)
    return s


def main(url):
    out = {}
    # SELECT as JSON over GET, with the Arabic evidence.
    r = client(url, """SELECT DISTINCT ?s ?o ?text WHERE {
        ?st a ag:Statement ; rdf:subject ?s ; rdf:predicate ag:supports ;
            rdf:object ?o ; prov:wasDerivedFrom/ag:text ?text } ORDER BY ?text""",
               JSON).queryAndConvert()
    out["select_json"] = [
        {k: v["value"] for k, v in b.items()} for b in r["results"]["bindings"]
    ]
    out["select_text_lang"] = r["results"]["bindings"][0]["text"].get("xml:lang")
    # The same over POST, as XML.
    doc = client(url, "SELECT ?s WHERE { ?s ag:supports ?o }", XML,
                 POST).queryAndConvert()
    out["select_xml_results"] = len(doc.getElementsByTagName("result"))
    # CSV.
    csv = client(url, "SELECT ?o WHERE { actor:Mali ag:alliedWith ?o }",
                 CSV).queryAndConvert()
    out["select_csv"] = csv.decode("utf-8") if isinstance(csv, bytes) else csv
    # ASK.
    out["ask_true"] = client(url, "ASK { actor:Russia ag:supports actor:Mali }",
                             JSON).queryAndConvert()["boolean"]
    out["ask_negated"] = client(
        url, "ASK { actor:France ag:alliedWith actor:Mali }",
        JSON).queryAndConvert()["boolean"]
    # CONSTRUCT as Turtle, parsed by rdflib.
    g = client(url, "CONSTRUCT { ?s ag:supports ?o } WHERE { ?s ag:supports ?o }",
               TURTLE).queryAndConvert()
    if isinstance(g, bytes):
        import rdflib
        g = rdflib.Graph().parse(data=g, format="turtle")
    out["construct_triples"] = sorted(
        [str(s), str(p), str(o)] for s, p, o in g)
    # An update is refused with a clear error.
    try:
        u = SPARQLWrapper(url)
        u.setMethod(POST)
        u.setQuery(PREFIXES + "INSERT DATA { actor:A ag:supports actor:B }")
        u.query()
        out["update"] = "accepted"
    except SPARQLWrapperException as e:
        out["update"] = "refused: " + str(e)
    except Exception as e:  # urllib's HTTPError for a 403
        out["update"] = "refused: %s %s" % (getattr(e, "code", ""), e)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
