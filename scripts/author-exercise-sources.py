#!/usr/bin/env python3
"""One-off authoring aid: writes the instructor sources in exercises/source/ from the solutions below.
The sources are the authority afterwards; edit them in VS Code and run `coursekit release --sync-sources`
to refresh their prompt cells from the exercise catalog."""
import json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "exercises", "source")

SETUP = '''#r "nuget: Plotly.NET, 6.0.0"
#r "nuget: Plotly.NET.Interactive, 6.0.0"
#r "nuget: Microsoft.Data.Analysis, 0.23.1"
#r "../../src/CourseKit/bin/Debug/net8.0/CourseKit.dll"
#r "../../src/CourseKit.Exercises/bin/Debug/net8.0/CourseKit.Exercises.dll"
using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Evidence;
using CourseKit.Judgment;
using CourseKit.Ranking;
using CourseKit.Exercises.Answers;
using GenericChart = Plotly.NET.GenericChart;
using static CourseKit.Exercises.InNotebook.Checker;'''

HOWTO = '''Each exercise has three cells: the prompt, an **answer cell** and a **check cell**.

1. Run the setup cell below once (build the course first: `dotnet build` in the course folder).
2. Replace the placeholder in an answer cell with your answer and run it.
3. Run the check cell under it: it prints the verdict, your points and a hint. `Hint("L1.E1")` prints the next hint.

Free-text answers are only checked for being there and long enough; your instructor grades them.'''

def md(src, **tag): return cell("markdown", src, tag)
def code(src, **tag): return cell("code", src, tag)
def cell(kind, src, tag):
    meta = {}
    if kind == "code":
        meta = {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}}
    if tag: meta["coursekit"] = tag
    lines = src.splitlines(True)
    c = {"cell_type": kind, "metadata": meta, "source": lines}
    if kind == "code": c["execution_count"] = None; c["outputs"] = []
    return c

def exercise(id, answer, solution, note=None):
    cells = [md(f"### {id}", exercise=id, role="prompt"),
             code(solution, exercise=id, role="solution"),
             code(f'Check("{id}", {answer});', exercise=id, role="check")]
    if note: cells.insert(2, md("**Instructor note.** " + note, exercise=id, role="instructor"))
    return cells

def notebook(name, title, exercises):
    cells = [md(f"# Exercises: {title}\n\n{HOWTO}"), code(SETUP, role="setup")]
    for e in exercises: cells += e
    nb = {"cells": cells, "metadata": {
        "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
        "language_info": {"name": "polyglot-notebook"},
        "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [
            {"aliases": [], "name": "csharp"}, {"aliases": [], "languageName": "Mermaid", "name": "mermaid"}]}}},
        "nbformat": 4, "nbformat_minor": 5}
    for i, c in enumerate(nb["cells"]): c["id"] = f"{name[:2]}c{i:02d}"
    with open(os.path.join(ROOT, name), "w") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False); f.write("\n")

L1 = [
 exercise("L1.E1", "analysis", '''var analysis = new TrendAnalysis(
    Trend: "real-time voice agents",
    Capability: new(7, "The model now listens and answers in speech, including interruptions and tone."),
    Cost: new(5, "Streaming audio is still pricier per minute than text chat, though falling each quarter."),
    Interaction: new(9, "Users talk to the product hands-free instead of typing, so the entry point moves to voice."),
    Workflow: new(7, "Call-centre and support flows shorten because the agent resolves simple requests during the call."),
    StrongestChange: Dimension.NewInteraction);'''),
 exercise("L1.E2", "entryPoint", '''var entryPoint = """
Before multimodal models, a user had to translate a problem into typed text before the system could help:
describe the error dialog, retype the receipt, explain what the photo shows. Now the user starts from the
thing itself: a screenshot of the confusing settings page, a photo of the broken part, a voice note while
driving. The step of turning the world into text disappears, so the product's front door changes, not only
what the model can do behind it.
""";''', "Rubric (2): one point for saying users no longer translate inputs into text first; one for a concrete starting input (screenshot, photo, voice, document, video) and the step it removes."),
 exercise("L1.E3", "systemCompetition", '''var systemCompetition = """
What a user gets depends on the whole system around the model. Retrieval decides whether answers use the
company's own documents; tools decide whether the assistant can act; memory keeps context across sessions;
permissions and review keep it safe; cost control and deployment reliability decide whether it is fast and
affordable at scale. A strong model with weak retrieval or no review still gives users wrong or risky output,
so products now compete on how well these parts work together.
""";''', "Rubric (2): one point for naming at least three parts besides the model (tools, memory, retrieval, UI, permissions, review, cost control, deployment); one for tying them to user value."),
 exercise("L1.E4", "firstQuestions", '''var firstQuestions = """
First: does this trend unlock a workflow that users repeat every week, not a one-off demo? Second: are cost,
latency, quality, safety and integration good enough today for real use in that workflow? Together they
separate a long-term main line from short-term noise.
""";''', "Rubric (2): one point for a repeated-workflow question; one for a readiness question (cost, latency, quality, safety, integration)."),
 exercise("L1.E5", "bet", '''var bet = new ProductBet(
    Product: "A mobile note app that summarises photographed whiteboards",
    Bet: MainBet.Multimodality,
    Justification: "Its main screen is a camera: you photograph a whiteboard or a handwritten page and it returns tidy notes, so the product depends on reading images as input rather than on typed text.");'''),
]

L2 = [
 exercise("L2.E1", "ranking", '''var infrastructure = new Weights(("product_value", 0.3m), ("stability", 0.3m), ("engineering_cost", -0.4m));
var ranking = WeightedRanking.Rank(CourseData.ImageThreads().Select(t => t.ToRankingItem()), infrastructure)
    .Select(r => new RankedScore(r.Name, r.Score))
    .ToArray();
ranking'''),
 exercise("L2.E2", "ecommerce", '''var ecommerce = new Choice(
    Option: "stronger controllable editing",
    Justification: "Product images must keep the item itself identical while the background, size, style or scene changes, so reliable, repeatable edits matter far more than a small gain in raw image quality.");'''),
 exercise("L2.E3", "controllable", '''var controllable = """
Controllable editing lets a user ask for a precise change, such as a new background or a fixed hand, compare
versions and keep the rest of the asset unchanged. That makes results repeatable, editable and predictable,
which is what a production workflow needs. A small generic gain in image quality is often invisible in that
workflow; control changes what the user can safely do with the tool.
""";''', "Rubric (2): one point for precise, repeatable changes from the user's side; one for contrasting with an invisible quality gain in a real workflow."),
 exercise("L2.E4", "paperQuestions", '''var paperQuestions = """
First, what new user action does this paper make possible that was not possible before? Second, what do cost,
latency, control and failure modes look like in a real product, and was it evaluated beyond demo images?
""";''', "Rubric (2): one point for a new-user-action question; one for a real-use question (cost, latency, control, failures, evaluation)."),
 exercise("L2.E5", "score", '''Func<ImageThread, decimal> score = thread =>
    thread.ProductValue * 0.5m + thread.Stability * 0.3m - thread.EngineeringCost * 0.2m;'''),
 exercise("L2.E6", "card", '''var card = new ImageGenerationEvidenceCard(
    PromptRecord: "Red running shoe on a white studio floor; negative: no text, no logos; seed 1234, model v2.1.",
    CandidateOutputs: "Four candidates; kept the second because the shoe shape and laces stayed accurate.",
    TechnicalNote: "Inpainting with a region mask, 30 diffusion steps, reference image for the product.",
    FailureCheck: "Checked for prompt drift in colour, artifact around the sole and copyright of the logo.",
    ExpectedOutput: "Selected image version 2 recorded; rejected candidates noted with the reason for each.");
card.Check()'''),
 exercise("L2.E7", "flip", '''var threads = CourseData.ImageThreads().Select(t => t.ToRankingItem()).ToList();
var range = Sensitivity.TopItemRange(threads, Weights.ImagePriority, "product_value");
var flip = new WeightFlip("product_value", Math.Round(range.Lower!.Value, 2), range.LeaderBelow!);
range'''),
]

L3 = [
 exercise("L3.E1", "totals", '''var totals = CourseData.CourseTrends()
    .Where(t => t.Source == "seed-002")
    .Select(t => FourDimensionCheck.Evaluate(t.Scores))
    .Select(v => new TrendTotal(v.Name, v.Total, v.StrongestChange))
    .ToArray();
totals'''),
 exercise("L3.E2", "radar", '''string[] labels = ["Capability", "Cost impact", "New interaction", "Workflow change"];
var picked = CourseData.CourseTrends().Where(t => t.Trend is "multimodal_ai" or "ai_agents" or "efficient_ai");
var traces = picked.Select(t => PlotlyObject.Trace("scatterpolar",
    ("name", t.Trend),
    ("r", t.Scores.Values.Append(t.Scores.Values[0]).ToArray()),
    ("theta", labels.Append(labels[0]).ToArray()),
    ("fill", "toself")));
var layout = PlotlyObject.Layout(
    ("polar", PlotlyObject.Of(("radialaxis", PlotlyObject.Of(("range", new[] { 0, 10 })))))) ;
GenericChart radar = PlotlyObject.Chart(traces, layout);
radar'''),
 exercise("L3.E3", "disagreement", '''var disagreement = """
I would lower the cost impact of personalization_edge from 7 to 5. Fine-tuning per user and running models on
phones moves cost from the cloud bill to device batteries and engineering time, and most edge assistants I
have used still fall back to the cloud for hard requests, so the total cost of serving a user barely drops yet.
""";''', "Rubric (2): one point for naming a trend, a dimension and a new score; one for concrete evidence."),
]

L4 = [
 exercise("L4.E1", "outlookRanking", '''var tob = new Weights(("ability", 0.2m), ("cost_impact", 0.2m), ("new_interaction", 0.2m), ("workflow_change", 0.4m));
var outlooks = CourseData.CourseTrends().Where(t => t.Source == "seed-003")
    .Select(t => new RankingItem(t.Trend, Dimensions.All.Select(d => new Criterion(d.Key(), t.Scores[d]))))
    .ToList();
var outlookRanking = WeightedRanking.Rank(outlooks, tob).Select(r => new RankedScore(r.Name, r.Score)).ToArray();
outlookRanking'''),
 exercise("L4.E2", "outlookFlip", '''var moves = tob.Names.Select(name => Sensitivity.TopItemRange(outlooks, tob, name))
    .SelectMany(r => new[]
    {
        (Range: r, Bound: r.Lower, Leader: r.LeaderBelow),
        (Range: r, Bound: r.Upper, Leader: r.LeaderAbove),
    })
    .Where(m => m.Bound is not null)
    .OrderBy(m => Math.Abs(m.Range.Current - m.Bound!.Value))
    .ToList();
var smallest = moves[0];
var outlookFlip = new WeightFlip(smallest.Range.Criterion, Math.Round(smallest.Bound!.Value, 2), smallest.Leader!);
outlookFlip'''),
 exercise("L4.E3", "watchFirst", '''var watchFirst = """
As a ToB team lead I would watch the split between ToC and ToB model services first, because it decides how we
build: a pyramid of one large model and several small specialised ones, with multimodal RAG and agents on our
own data. Evidence that would change my mind: small routed models matching the large one on our own document
benchmarks at a tenth of the price, which would move MoE routing and LoRA-style tuning to the top of my list.
""";''', "Rubric (2): one point for a choice argued from a ToB team's needs; one for concrete evidence that would change the choice."),
]

notebook("01-AIGC-Frontier-Trends-Exercises.ipynb", "AIGC frontier trends", L1)
notebook("02-Image-Generation-Progress-Exercises.ipynb", "Image-generation progress", L2)
notebook("03-Next-Wave-of-Generative-AI-Exercises.ipynb", "The next wave of generative AI", L3)
notebook("04-Outlook-2026-Exercises.ipynb", "The 2026 outlook", L4)
