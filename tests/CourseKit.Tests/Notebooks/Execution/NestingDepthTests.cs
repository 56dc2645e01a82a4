using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

public class NestingDepthTests
{
    [Theory]
    [InlineData("var x = 1;", 0)]
    [InlineData("var x = Math.Max((1 + 2), new[] { 3 }[0]);", 2)]
    [InlineData("F(G(H(1)));", 3)]
    [InlineData("var s = \"((((\"; var c = '('; // ((((\n/* [[[[ */ var v = @\"{{\"\"((\";", 0)]
    [InlineData("var r = \"\"\"\n  (((( \"quoted\" \n  \"\"\"; F((1));", 2)]
    [InlineData("var e = \"\\\"((\"; G([1]);", 2)]
    public void Counts_brackets_outside_comments_and_literals(string source, int depth) =>
        Assert.Equal(depth, NestingDepth.Of(source));
}
