namespace CourseKit.Evidence;

/// <summary>The seed-001 card for image generation: prompt record, candidates, technical note, failure check, expected output.</summary>
public sealed record ImageGenerationEvidenceCard(
    string? PromptRecord = null,
    string? CandidateOutputs = null,
    string? TechnicalNote = null,
    string? FailureCheck = null,
    string? ExpectedOutput = null) : EvidenceCard
{
    public override string Kind => "Image-generation evidence card";

    public override IReadOnlyList<EvidenceField> Fields =>
    [
        new("Prompt Record", "prompt, negative requirements, reference, seed/model, and version number", PromptRecord),
        new("Candidate Outputs", "generated or simulated results with selection reason", CandidateOutputs),
        new("Technical Note", "diffusion step, latent, cross-attention, LoRA, or application mode", TechnicalNote),
        new("Failure Check", "prompt drift, style mismatch, artifact, copyright, portrait, or review failure", FailureCheck),
        new("Expected Output", "selected image/version record plus rejected-candidate notes", ExpectedOutput),
    ];
}
