"""A published text in sections: how a yearly report's plain text (the text the publication gate
checked) is shown with its headings, paragraphs and lists, on the page and in its PDF."""

from django import template

register = template.Library()


@register.filter
def sections(body: str) -> list[dict]:
    """Sections of a text whose "## " lines are headings: each a heading and blocks, a block being
    a paragraph (lines) or a list (lines that begin "- ")."""
    found: list[dict] = []
    for chunk in body.split("\n\n"):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if lines and lines[0].startswith("## "):
            found.append({"heading": lines.pop(0)[3:], "blocks": []})
        elif not found:
            found.append({"heading": "", "blocks": []})
        block: dict | None = None
        for line in lines:
            is_item = line.startswith("- ")
            if block is None or block["is_list"] != is_item:
                block = {"is_list": is_item, "lines": []}
                found[-1]["blocks"].append(block)
            block["lines"].append(line[2:] if is_item else line)
    return found
