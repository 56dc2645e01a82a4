using CourseKit.Charting;

namespace CourseKit.Tests.Charts;

public class ChartPartsTests
{
    [Theory]
    [InlineData("Stronger understanding and generation", "Stronger<br>understanding<br>and generation")]
    [InlineData("Cloud", "Cloud")]
    [InlineData("Capability boundaries", "Capability<br>boundaries")]
    public void Long_labels_wrap_at_word_boundaries(string label, string wrapped) =>
        Assert.Equal(wrapped, LabelWrap.Wrap(label));

    [Fact]
    public void Translucent_turns_hex_into_rgba() =>
        Assert.Equal("rgba(0, 114, 178, 0.18)", ChartStyle.Translucent("#0072B2", 0.18));
}
