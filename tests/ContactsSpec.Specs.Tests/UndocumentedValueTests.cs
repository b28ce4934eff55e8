using System.Text.Json.Nodes;

namespace ContactsSpec.Specs.Tests;

/// <summary>
/// A field whose JSON type varies is untyped for the generators, yet a validator (here JsonSchema.Net's, as a
/// schema-driven mock or a contract test would use) still accepts what the docs show and nothing else.
/// </summary>
[TestFixture]
public sealed class UndocumentedValueTests
{
    [TestCase("wamm", "WammResult", """{"err":0,"result":"insert"}""", true, TestName = "WAMM err: the number 0")]
    [TestCase("wamm", "WammResult", """{"err":"token fail"}""", true, TestName = "WAMM err: an error text")]
    [TestCase("wamm", "WammResult", """{"err":1}""", false, TestName = "WAMM err: another number")]
    [TestCase("wamm", "WammResult", """{"err":false}""", false, TestName = "WAMM err: a boolean")]
    [TestCase("wamm", "WammResult", """{"err":{}}""", false, TestName = "WAMM err: an object")]
    [TestCase("wamm", "WammContactResponse", """{"err":[0]}""", false, TestName = "WAMM contact_get err: an array")]
    [TestCase("wasms", "WasmsResponse", """{"status":200,"message":"Saved Contacts","data":[{"id":2}]}""", true, TestName = "WaSMS data: a list")]
    [TestCase("wasms", "WasmsResponse", """{"status":400,"message":"Invalid Parameters!","data":false}""", true, TestName = "WaSMS data: false")]
    [TestCase("wasms", "WasmsResponse", """{"status":200,"message":"m","data":true}""", false, TestName = "WaSMS data: true")]
    [TestCase("wasms", "WasmsResponse", """{"status":200,"message":"m","data":"none"}""", false, TestName = "WaSMS data: a text")]
    [TestCase("wasms", "WasmsResponse", """{"status":200,"message":"m","data":{"id":2}}""", false, TestName = "WaSMS data: an object")]
    [TestCase("wasms", "WasmsResponse", """{"status":418,"message":"m","data":false}""", false, TestName = "WaSMS status: a code no page names")]
    public async Task The_schema_allows_what_the_docs_show_and_nothing_else(string provider, string schemaName, string body, bool valid)
    {
        var schema = (await SpecSuite.SpecAsync(provider)).Document.Components!.Schemas![schemaName];

        var errors = SpecSchemaValidator.Validate(schema, JsonNode.Parse(body));

        Assert.That(errors, valid ? Is.Empty : Is.Not.Empty, body);
    }
}
