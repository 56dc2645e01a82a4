using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

/// <summary>Which consecutive cells <see cref="CellGroups.Take"/> puts in one group, read from their syntax alone.</summary>
public sealed class CellGroupsTests
{
    // The numbers of the cells that form a group with the first of them.
    private static int[] Group(params string[] sources) =>
        [.. CellGroups.Take(sources.Select((source, i) => new CellSource(i + 1, source)).ToList()).Select(c => c.Number)];

    [Fact]
    public void No_cells_make_no_group_and_one_cell_is_a_group_of_one()
    {
        Assert.Empty(Group());
        Assert.Equal([1], Group("var a = 1;"));
    }

    [Fact]
    public void Cells_that_use_what_earlier_cells_declare_form_one_group()
    {
        Assert.Equal([1, 2, 3, 4], Group(
            "var total = 0;",
            "class Point { public int X; }\nint Twice(int n) => 2 * n;",
            "var p = new Point { X = Twice(total) };",
            "Console.WriteLine(p.X);"));
    }

    [Fact]
    public void A_setup_cell_with_references_and_usings_starts_a_group()
    {
        Assert.Equal([1, 2, 3], Group(
            "#r \"nuget: CourseKit, 1.0.0\"\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\nusing System.Text;\nusing Microsoft.Data.Analysis;\nvar sb = new StringBuilder();",
            "sb.Append(\"a\");",
            "var n = sb.Length;"));
    }

    [Theory]
    [InlineData("using System.Text;\nvar sb = new StringBuilder();")]
    [InlineData("global using System.Text;")]
    [InlineData("using Sb = System.Text.StringBuilder;\nvar sb = new Sb();")]
    [InlineData("#r \"nuget: CourseKit, 1.0.0\"\nvar b = 2;")]
    [InlineData("#r \"some.dll\"\nvar b = 2;")]
    [InlineData("#i \"nuget: /tmp/feed\"\nvar b = 2;")]
    [InlineData("#!time\nvar b = 2;")]
    [InlineData("[assembly: System.Reflection.AssemblyDescription(\"x\")]\nvar b = 2;")]
    [InlineData("extern alias Other;\nvar b = 2;")]
    public void A_later_cell_that_brings_names_or_references_in_starts_a_new_group(string later)
    {
        Assert.Equal([1], Group("var a = 1;", later, "var c = 3;"));
        Assert.Equal([2, 3], Group(later, "var c = 3;").Select(n => n + 1));
    }

    [Fact]
    public void A_csharp_magic_line_is_no_reason_to_break_a_group()
    {
        Assert.Equal([1, 2, 3], Group("var a = 1;", "#!csharp\nvar b = a;", "#!c#\nvar c = b;"));
    }

    [Fact]
    public void A_trailing_expression_ends_its_group()
    {
        Assert.Equal([1, 2], Group("var a = 1;", "a + 1", "var b = 2;"));
        Assert.Equal([1], Group("1 + 1", "var b = 2;"));
        // Ending in a semicolon shows nothing, so the group goes on.
        Assert.Equal([1, 2, 3], Group("var a = 1;", "a.ToString();", "var b = 2;"));
    }

    [Fact]
    public void A_top_level_return_ends_its_group_but_a_return_in_a_lambda_or_method_does_not()
    {
        Assert.Equal([1, 2], Group("var a = 1;", "if (a > 0) return;", "var b = 2;"));
        Assert.Equal([1], Group("return;", "var b = 2;"));
        Assert.Equal([1, 2, 3], Group(
            "Func<int> one = () => { return 1; };",
            "int Two() { return 2; }\nvoid Local() { int Three() { return 3; } }",
            "var b = one() + Two();"));
    }

    [Theory]
    [InlineData("start:\nConsole.WriteLine(1);")]
    [InlineData("var i = 0;\nagain: i++;\nif (i < 3) goto again;")]
    [InlineData("#if DEBUG\nvar d = 1;\n#endif")]
    [InlineData("#nullable enable\nstring? s = null;")]
    [InlineData("#define TRACE\nvar t = 1;")]
    [InlineData("#region r\nvar r = 1;\n#endregion")]
    [InlineData("#pragma warning disable CS0168\nint unused;")]
    [InlineData("var broken = ;")]
    [InlineData("class Open {")]
    [InlineData("/* never closed")]
    public void A_cell_with_labels_directives_or_parse_errors_is_compiled_alone(string alone)
    {
        Assert.Equal([1], Group(alone, "var after = 1;"));
        Assert.Equal([1], Group("var before = 1;", alone, "var after = 1;"));
    }

    [Fact]
    public void Cells_over_the_compilers_limits_are_compiled_alone()
    {
        var tooLong = "var s = \"" + new string('x', CellCompiler.MaxCellChars) + "\";";
        Assert.Equal([1], Group(tooLong, "var after = 1;"));
        Assert.Equal([1], Group("var before = 1;", tooLong));

        var tooDeep = "var d = " + new string('(', CellCompiler.MaxNesting + 1) + "1" + new string(')', CellCompiler.MaxNesting + 1) + ";";
        Assert.Equal([1], Group(tooDeep, "var after = 1;"));
        Assert.Equal([1], Group("var before = 1;", tooDeep));
    }

    [Fact]
    public void A_group_holds_at_most_MaxCellChars_in_all()
    {
        var first = OfLength(CellCompiler.MaxCellChars / 2, "s1");
        var second = OfLength(CellCompiler.MaxCellChars - first.Length, "s2");
        Assert.Equal([1, 2], Group(first, second));
        Assert.Equal([1, 2], Group(first, second, "var t = 1;"));
        Assert.Equal([1], Group(first, second + " "));
    }

    // A cell declaring one string variable, of exactly the given length.
    private static string OfLength(int length, string name) =>
        $"var {name} = \"" + new string('x', length - $"var {name} = \"\";".Length) + "\";";

    [Fact]
    public void A_group_holds_at_most_MaxCells()
    {
        var cells = Enumerable.Range(1, CellGroups.MaxCells * 2).Select(i => $"var v{i} = {i};").ToArray();
        Assert.Equal(Enumerable.Range(1, CellGroups.MaxCells), Group(cells));
    }

    [Theory]
    [InlineData("var x = 1;", "var x = \"again\";")]
    [InlineData("var x = 1;", "int x = 2;")]
    [InlineData("var (x, y) = (1, 2);", "var x = 3;")]
    [InlineData("int.TryParse(\"1\", out var x);", "var x = 3;")]
    [InlineData("class Point { }", "class Point { public int X; }")]
    [InlineData("int F() => 1;", "int F() => 2;")]
    [InlineData("int F() => 1;", "string F(string s) => s;")]
    [InlineData("var a = 1;", "record a(int X);")]
    public void A_cell_that_declares_a_name_again_starts_a_new_group(string first, string again)
    {
        Assert.Equal([1, 2], Group(first, "Console.WriteLine(1);", again));
    }

    [Theory]
    [InlineData("var r = Twice(2);", "int Twice(int n) => 2 * n;")]
    [InlineData("var p = new Point();", "class Point { }")]
    [InlineData("Point? p = null;", "record Point(int X);")]
    [InlineData("Console.WriteLine(later);", "var later = 1;")]
    [InlineData("Action a = () => Console.WriteLine(later);", "var later = 1;")]
    [InlineData("var c = Color.Red;", "enum Color { Red }")]
    [InlineData("var z = nameof(Zed);", "var Zed = 1;")]
    [InlineData("var s = new Shape().Area;", "class Shape { public int Area => 1; }")]
    public void A_cell_that_declares_a_name_an_earlier_cell_of_the_group_mentions_starts_a_new_group(string first, string declares)
    {
        Assert.Equal([1], Group(first, declares));
        Assert.Equal([1, 2], Group("var before = 1;", first, declares));
    }

    [Fact]
    public void Parameters_lambda_variables_and_locals_in_blocks_do_not_clash_with_names_an_earlier_cell_only_mentions_as_members()
    {
        // The later cell declares nothing the earlier cells mention: it joins.
        Assert.Equal([1, 2], Group("var list = new List<int> { 1, 2 };", "var doubled = list.Select(n => n * 2).ToList();"));
    }

    [Fact]
    public void A_cell_that_declares_an_attribute_an_earlier_cell_names_without_its_suffix_starts_a_new_group()
    {
        Assert.Equal([1], Group("[Obsolete] int Old() => 1;", "class ObsoleteAttribute : Attribute { }"));
        Assert.Equal([1], Group("[My] class Tagged { }", "class MyAttribute : Attribute { }"));
        Assert.Equal([1], Group("[My(1)] class Tagged { }", "class MyAttribute(int n) : Attribute { }"));
        Assert.Equal([1], Group("[global::My] class Tagged { }", "class MyAttribute : Attribute { }"));
        Assert.Equal([1, 2], Group("[Obsolete] int Old() => 1;", "class Unrelated { }"));
    }

    [Fact]
    public void Cells_after_the_group_break_are_not_looked_at()
    {
        // Cell 3 redeclares x, so the group ends at 2 whatever cell 4 holds.
        Assert.Equal([1, 2], Group("var x = 1;", "var y = x;", "var x = 2;", "var y = 3;"));
    }
}
