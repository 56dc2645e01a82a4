namespace CourseKit.Evidence;

/// <summary>The seed-000 card for a frontier trend: risk scope, rule, test case, failure check, expected output.</summary>
public sealed record TrendEvidenceCard(
    string? RiskScope = null,
    string? EngineeringRule = null,
    string? TestCase = null,
    string? FailureCheck = null,
    string? ExpectedOutput = null) : EvidenceCard
{
    public override string Kind => "Trend evidence card";

    public override IReadOnlyList<EvidenceField> Fields =>
    [
        new("Risk Scope", "frontier capability, ethics issue, regulation, or product policy boundary", RiskScope),
        new("Engineering Rule", "what must be logged, blocked, reviewed, disclosed, or escalated", EngineeringRule),
        new("Test Case", "one realistic input/output case that exercises the rule", TestCase),
        new("Failure Check", "privacy, copyright, portrait, bias, safety, provenance, or compliance gap", FailureCheck),
        new("Expected Output", "review checklist or product requirement translated into engineering action", ExpectedOutput),
    ];
}
