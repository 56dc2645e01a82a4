using CourseKit.Checking;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Tests.Notebooks.Execution;

public static class StatelessPackage
{
    public static void ForgetNothing() { }
}

public sealed class PackageCatalogTests
{
    [Fact]
    public void A_package_added_with_With_replaces_the_one_of_the_same_id_and_resolves()
    {
        var package = new KitPackage("coursekit", "2.0.0", []);

        var catalog = CoursePackages.All.With(package);

        Assert.Same(package, catalog.Resolve("CourseKit", "2.0"));
        Assert.Equal(CoursePackages.All.All.Count, catalog.All.Count);
        Assert.Equal("1.0.0", CoursePackages.All.Resolve("CourseKit", null).Version);
    }

    [Fact]
    public void A_session_reset_travels_as_the_name_of_a_public_static_method()
    {
        var catalog = PackageCatalog.Empty.With(new KitPackage("Resettable", "1.0.0", []) { SessionReset = StatelessPackage.ForgetNothing });

        Assert.Equal(
            new SessionReset(typeof(StatelessPackage).Assembly.GetName().Name!, typeof(StatelessPackage).FullName!, nameof(StatelessPackage.ForgetNothing)),
            Assert.Single(catalog.SessionResets));
    }

    [Fact]
    public void A_session_reset_the_worker_could_not_find_by_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new KitPackage("Resettable", "1.0.0", []) { SessionReset = () => { } });
    }
}
