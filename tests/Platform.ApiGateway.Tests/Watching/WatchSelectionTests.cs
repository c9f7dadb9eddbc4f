using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Platform.ApiGateway.Resources;
using Platform.ApiGateway.Watching;
using Platform.Grains.Abstractions.Watching;

namespace Platform.ApiGateway.Tests.Watching;

public sealed class WatchSelectionTests
{
    private static ListQuery Query(string? labelSelector = null)
    {
        var values = new Dictionary<string, StringValues> { ["watch"] = "1" };
        if (labelSelector is not null)
        {
            values["labelSelector"] = labelSelector;
        }

        return ListQuery.From(new QueryCollection(values)).Query!;
    }

    private static string Pod(string app, long version = 1, string name = "web") =>
        $$$$"""{"metadata":{"name":"{{{{name}}}}","namespace":"default","resourceVersion":"{{{{version}}}}","labels":{"app":"{{{{app}}}}"}}}""";

    private static ChangeEvent Change(string type, long revision, string json, string? previous = null, string name = "web") =>
        new(revision, type, "pods", "default", name, json, previous);

    [Fact]
    public void AnObjectRelabelledOutOfTheSelectorLeavesAsDeletedInItsLastMatchingStateAtTheNewRevision()
    {
        var selection = new WatchSelection("pods", "default", Query("app=web"));
        var shown = selection.Translate(Change(ChangeTypes.Modified, 7, Pod("db", 7), Pod("web", 6)));
        Assert.NotNull(shown);
        Assert.Equal(ChangeTypes.Deleted, shown.Value.Type);
        Assert.Contains("\"app\":\"web\"", shown.Value.Json);
        Assert.Contains("\"resourceVersion\":\"7\"", shown.Value.Json);
    }

    [Fact]
    public void AnObjectRelabelledIntoTheSelectorArrivesAsAdded()
    {
        var selection = new WatchSelection("pods", "default", Query("app=web"));
        var shown = selection.Translate(Change(ChangeTypes.Modified, 7, Pod("web", 7), Pod("db", 6)));
        Assert.Equal((ChangeTypes.Added, Pod("web", 7)), shown);
    }

    [Fact]
    public void ChangesOutsideTheSelectionAreNotSent()
    {
        var selection = new WatchSelection("pods", "default", Query("app=web"));
        Assert.Null(selection.Translate(Change(ChangeTypes.Modified, 7, Pod("cache", 7), Pod("db", 6))));
        Assert.Null(selection.Translate(Change(ChangeTypes.Added, 8, Pod("db", 8), name: "other")));
        Assert.Null(selection.Translate(Change(ChangeTypes.Deleted, 9, Pod("db", 9), name: "other")));
    }

    [Fact]
    public void ChangesInsideTheSelectionKeepTheirType()
    {
        var selection = new WatchSelection("pods", "default", Query("app=web"));
        Assert.Equal(ChangeTypes.Added, selection.Translate(Change(ChangeTypes.Added, 5, Pod("web", 5)))?.Type);
        Assert.Equal(ChangeTypes.Modified, selection.Translate(Change(ChangeTypes.Modified, 6, Pod("web", 6), Pod("web", 5)))?.Type);
        Assert.Equal(ChangeTypes.Deleted, selection.Translate(Change(ChangeTypes.Deleted, 7, Pod("web", 7)))?.Type);
    }

    [Fact]
    public void WithoutThePreviousStateTheWatchGoesByWhatItHasShown()
    {
        var selection = new WatchSelection("pods", "default", Query("app=web"));
        selection.Shown("default", "web");
        Assert.Equal(ChangeTypes.Deleted, selection.Translate(Change(ChangeTypes.Modified, 7, Pod("db", 7)))?.Type);
        Assert.Equal(ChangeTypes.Added, selection.Translate(Change(ChangeTypes.Modified, 8, Pod("web", 8)))?.Type);
        Assert.Equal(ChangeTypes.Modified, selection.Translate(Change(ChangeTypes.Modified, 9, Pod("web", 9)))?.Type);
    }

    [Fact]
    public void OtherKindsAndNamespacesAreNotSent()
    {
        var selection = new WatchSelection("pods", "default", Query());
        Assert.Null(selection.Translate(new ChangeEvent(1, ChangeTypes.Added, "services", "default", "web", Pod("web"))));
        Assert.Null(selection.Translate(new ChangeEvent(2, ChangeTypes.Added, "pods", "shop", "web", Pod("web"))));
        Assert.Equal(ChangeTypes.Modified, selection.Translate(Change(ChangeTypes.Modified, 3, Pod("db", 3), Pod("web", 2)))?.Type);
    }
}
