using CourseKit.Evidence;

namespace CourseKit.Tests.Evidence;

public class EvidenceCardTests
{
    [Fact]
    public void An_empty_trend_card_names_all_five_fields()
    {
        var report = new TrendEvidenceCard().Check();

        Assert.False(report.IsComplete);
        Assert.Equal(["Risk Scope", "Engineering Rule", "Test Case", "Failure Check", "Expected Output"], report.MissingFields);
        Assert.Equal("Trend evidence card: missing or empty: Risk Scope, Engineering Rule, Test Case, Failure Check, Expected Output.",
            report.ToString());
    }

    [Fact]
    public void Whitespace_counts_as_empty()
    {
        var card = new TrendEvidenceCard("frontier capability", "log every edit", "   ", "privacy", "");

        Assert.Equal(["Test Case", "Expected Output"], card.Check().MissingFields);
    }

    [Fact]
    public void A_complete_image_card_passes()
    {
        var card = new ImageGenerationEvidenceCard(
            "red sneaker on white, no text, seed 42, model v1.2",
            "four candidates; #3 kept the logo intact",
            "30 diffusion steps with a LoRA for the brand style",
            "checked for logo drift and copyright",
            "v1.2-#3 selected; #1 and #2 rejected for artifacts");

        Assert.True(card.IsComplete);
        Assert.Equal("Image-generation evidence card: complete.", card.Check().ToString());
    }

    [Fact]
    public void Image_card_fields_follow_the_seed_template()
    {
        Assert.Equal(["Prompt Record", "Candidate Outputs", "Technical Note", "Failure Check", "Expected Output"],
            new ImageGenerationEvidenceCard().Fields.Select(f => f.Label));
        Assert.Equal(["Candidate Outputs"], new ImageGenerationEvidenceCard("p", null, "t", "f", "e").Check().MissingFields);
    }
}
