"""`kg merges` and `kg unmerge`: the cross-document merges a store made, and undoing one."""

from __future__ import annotations

from typing import Optional

import typer
from kg.cli.app import EXIT_FAILED, EXIT_USAGE, app, fail, out
from kg.cli.read import STORE_OPTION, open_graph


@app.command()
def merges(store: Optional[str] = STORE_OPTION) -> None:
    """List the entities written under another document's IRI: name, alias IRI, canonical IRI, evidence."""
    from kg.store.merges import list_merges

    if store is None:
        raise fail("give --store DIR (merges are made when documents are added to a store)", EXIT_USAGE)
    graph = open_graph(None, store)
    try:
        rows = list_merges(graph)
    finally:
        graph.close()
    for _, alias, canonical, doc, evidence, name, _ in rows:
        out.print(f"{name}: {evidence} (document {str(doc).rsplit('/', 1)[-1]})", highlight=False, soft_wrap=True,
          )
        out.print(f"  alias {alias}\n  into  {canonical}", highlight=False, soft_wrap=True)
    out.print(f"{len(rows)} merge(s); undo one with `kg unmerge ALIAS --store {store}`", highlight=False)


@app.command()
def unmerge(
    alias: str = typer.Argument(..., help="The alias IRI, as `kg merges` lists it, or the merged name."),
    store: Optional[str] = STORE_OPTION,
) -> None:
    """Undo a merge: the documents that wrote ALIAS under another IRI get their own IRI back, and the two
    are kept apart in later builds."""
    from rdflib import URIRef

    from kg.store.merges import unmerge as undo

    if store is None:
        raise fail("give --store DIR", EXIT_USAGE)
    from kg.store.merges import list_merges

    graph = open_graph(None, store, writable=True)
    try:
        if "://" not in alias:  # a name: the one alias merged under that name
            found = sorted({str(r[1]) for r in list_merges(graph) if str(r[5]) == alias})
            if len(found) > 1:
                raise fail(f"{alias!r} names {len(found)} merges; give one of these IRIs: {', '.join(found)}", EXIT_USAGE)
            alias = found[0] if found else alias
        rewritten = undo(graph, URIRef(alias))
    finally:
        graph.close()
    if not rewritten:
        raise fail(f"{alias}: no merge of this IRI in the store; `kg merges --store {store}` lists them", EXIT_FAILED)
    out.print(f"{alias}: unmerged in {len(rewritten)} document(s); kept apart from now on", highlight=False)
