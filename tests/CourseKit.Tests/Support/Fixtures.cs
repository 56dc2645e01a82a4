namespace CourseKit.Tests.Support;

public static class Fixtures
{
    public static string Notebook(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "notebooks", name);
}
