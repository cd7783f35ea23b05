package io.accords.agreement;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A relation graph as text that draws it: Graphviz DOT or Mermaid. */
final class RelationPictures {

    static final String DOT = "text/vnd.graphviz";
    static final String MERMAID = "text/vnd.mermaid";

    private RelationPictures() {}

    /** Graphviz DOT: {@code dot -Tsvg relations.dot > relations.svg}. The root is drawn bold. */
    static String dot(RelationGraph graph) {
        StringBuilder dot = new StringBuilder("digraph relations {\n")
                .append("  rankdir=LR;\n")
                .append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n")
                .append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (RelationGraph.Node node : graph.nodes()) {
            dot.append("  \"")
                    .append(node.id())
                    .append("\" [label=\"")
                    .append(dotText(label(node)))
                    .append('"')
                    .append(node.id().equals(graph.root()) ? ", penwidth=2" : "")
                    .append("];\n");
        }
        for (RelationGraph.Edge edge : graph.edges()) {
            dot.append("  \"")
                    .append(edge.from())
                    .append("\" -> \"")
                    .append(edge.to())
                    .append("\" [label=\"")
                    .append(edge.kind())
                    .append("\"];\n");
        }
        return dot.append("}\n").toString();
    }

    /** Mermaid flowchart, for Markdown renderers that draw it (GitHub, GitLab). The root is drawn bold. */
    static String mermaid(RelationGraph graph) {
        StringBuilder mermaid = new StringBuilder("flowchart LR\n");
        Map<UUID, String> names = new HashMap<>();
        for (RelationGraph.Node node : graph.nodes()) {
            String name = "n" + names.size();
            names.put(node.id(), name);
            mermaid.append("  ")
                    .append(name)
                    .append("[\"")
                    .append(mermaidText(label(node)))
                    .append("\"]\n");
        }
        for (RelationGraph.Edge edge : graph.edges()) {
            mermaid.append("  ")
                    .append(names.get(edge.from()))
                    .append(" -->|")
                    .append(edge.kind())
                    .append("| ")
                    .append(names.get(edge.to()))
                    .append('\n');
        }
        mermaid.append("  style ").append(names.get(graph.root())).append(" stroke-width:3px\n");
        return mermaid.toString();
    }

    private static String label(RelationGraph.Node node) {
        return node.title() + "\n" + node.type() + " · " + node.status()
                + (node.signed() == null ? "" : " · " + node.signed());
    }

    private static String dotText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Mermaid reads entity codes in quoted labels; a line break is {@code <br>}. */
    private static String mermaidText(String text) {
        return text.replace("&", "#amp;")
                .replace("\"", "#quot;")
                .replace("<", "#lt;")
                .replace(">", "#gt;")
                .replace("\n", "<br>");
    }
}
