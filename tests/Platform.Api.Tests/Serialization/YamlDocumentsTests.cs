using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Serialization;

namespace Platform.Api.Tests.Serialization;

public class YamlDocumentsTests
{
    [Fact]
    public void SplitsDocumentsOnSeparators()
    {
        var documents = YamlDocuments.Parse(
            """
            a: 1
            ---
            b: two
            ---
            c: [3]
            """);

        Assert.Equal(["{\"a\":1}", "{\"b\":\"two\"}", "{\"c\":[3]}"], documents.Select(d => d.ToJsonString()));
    }

    [Fact]
    public void SkipsEmptyDocuments()
    {
        var documents = YamlDocuments.Parse("---\n---\na: 1\n---\n\n---\nb: 2\n---\n");

        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], documents.Select(d => d.ToJsonString()));
    }

    [Fact]
    public void EmptyTextHasNoDocuments() =>
        Assert.Empty(YamlDocuments.Parse(string.Empty));

    [Fact]
    public void TypesPlainScalarsByTheCoreSchema()
    {
        var document = Assert.IsType<JsonObject>(Assert.Single(YamlDocuments.Parse(
            """
            quoted: "1"
            singleQuoted: 'true'
            number: 1
            negative: -3
            plus: +4
            float: 1.5
            exponent: 2e3
            yes: true
            no: False
            upper: TRUE
            nul: null
            tilde: ~
            empty:
            text: hello
            version: v1
            quotedNull: "null"
            literal: |
              x
            last: 0
            """)));

        Assert.Equal(
            "{\"quoted\":\"1\",\"singleQuoted\":\"true\",\"number\":1,\"negative\":-3,\"plus\":4,\"float\":1.5,\"exponent\":2000," +
            "\"yes\":true,\"no\":false,\"upper\":true,\"nul\":null,\"tilde\":null,\"empty\":null,\"text\":\"hello\",\"version\":\"v1\"," +
            "\"quotedNull\":\"null\",\"literal\":\"x\\n\",\"last\":0}",
            document.ToJsonString());
        Assert.Equal(JsonValueKind.String, document["quoted"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, document["number"]!.GetValueKind());
        Assert.Equal(1L, document["number"]!.GetValue<long>());
        Assert.Equal(1.5, document["float"]!.GetValue<double>());
        Assert.Equal(JsonValueKind.True, document["yes"]!.GetValueKind());
        Assert.Equal(JsonValueKind.False, document["no"]!.GetValueKind());
        Assert.True(document.ContainsKey("nul"));
        Assert.Null(document["nul"]);
        Assert.Null(document["tilde"]);
    }

    [Fact]
    public void ReadsNestedSequencesAndMappings()
    {
        var document = Assert.Single(YamlDocuments.Parse(
            """
            spec:
              containers:
              - name: a
                command: [sh, -c, "echo 1"]
              - name: b
            """));

        Assert.Equal(
            "{\"spec\":{\"containers\":[{\"name\":\"a\",\"command\":[\"sh\",\"-c\",\"echo 1\"]},{\"name\":\"b\"}]}}",
            document.ToJsonString());
    }

    [Fact]
    public void ReadsJson()
    {
        var document = Assert.Single(YamlDocuments.Parse(
            """{"apiVersion": "v1", "count": 2, "ok": true, "none": null, "tags": ["1", 1]}"""));

        Assert.Equal("{\"apiVersion\":\"v1\",\"count\":2,\"ok\":true,\"none\":null,\"tags\":[\"1\",1]}", document.ToJsonString());
    }

    [Fact]
    public void RejectsDuplicateKeys()
    {
        var e = Assert.Throws<ManifestFormatException>(() => YamlDocuments.Parse("a: 1\nb: 2\na: 3\n"));

        Assert.Equal("invalid YAML at line 3, column 1: Duplicate key a", e.Message);
    }

    [Fact]
    public void RejectsDuplicateKeysInJson()
    {
        var e = Assert.Throws<ManifestFormatException>(() => YamlDocuments.Parse("{\"a\": 1, \"a\": 2}"));

        Assert.Equal("invalid YAML at line 1, column 10: Duplicate key a", e.Message);
    }

    [Theory]
    [InlineData("a: [1, 2\n", "invalid YAML at line 2, column 1: While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("a: 'x\n", "invalid YAML at line 1, column 4: While scanning a quoted scalar, found unexpected end of stream.")]
    [InlineData("- a\nb: 1\n", "invalid YAML at line 2, column 1: While parsing a block collection, did not find expected '-' indicator.")]
    [InlineData("a:\n\tb: 1\n", "invalid YAML at line 1, column 1: While scanning a mapping, found invalid tab as indentation.")]
    public void RejectsMalformedYamlNamingTheLine(string yaml, string expected)
    {
        var e = Assert.Throws<ManifestFormatException>(() => YamlDocuments.Parse(yaml));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void AnUnclosedFlowSequenceFollowedByAKeyIsAFormatError()
    {
        // YamlDotNet's scanner throws InvalidOperationException here, not YamlException.
        var e = Record.Exception(() => YamlDocuments.Parse("a: [1, 2\nb: 3\n"));

        var format = Assert.IsType<ManifestFormatException>(e);
        Assert.StartsWith("invalid YAML at line ", format.Message);
    }
}
