using System.Collections;
using System.Management.Automation;
using Newtonsoft.Json;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

public class JsonConversionTests
{
    [Fact]
    public void ObjectsBecomePSObjectsWithNoteProperties()
    {
        var result = Assert.IsType<PSObject>(JsonToPSObjectConverter.Convert(
            "{\"SystemId\":1,\"Name\":\"srv\",\"Big\":5000000000,\"Ratio\":0.5,\"On\":true,\"None\":null,\"Tags\":[\"a\",2],\"Nested\":{\"X\":\"2026-01-01T00:00:00Z\"}}"));
        Assert.Equal(1, result.Properties["SystemId"].Value);
        Assert.Equal("srv", result.Properties["Name"].Value);
        Assert.Equal(5000000000L, result.Properties["Big"].Value);
        Assert.Equal(0.5, result.Properties["Ratio"].Value);
        Assert.Equal(true, result.Properties["On"].Value);
        Assert.Null(result.Properties["None"].Value);
        Assert.Equal(new object[] { "a", 2 }, (object[])result.Properties["Tags"].Value);
        var nested = Assert.IsType<PSObject>(result.Properties["Nested"].Value);
        Assert.Equal("2026-01-01T00:00:00Z", nested.Properties["X"].Value); // dates stay as the server wrote them
    }

    [Fact]
    public void TopLevelValues()
    {
        Assert.Equal(42, JsonToPSObjectConverter.Convert("42"));
        Assert.Equal("s3cr3t", JsonToPSObjectConverter.Convert("\"s3cr3t\""));
        Assert.Equal(2, ((object[])JsonToPSObjectConverter.Convert("[{},{}]")!).Length);
    }

    [Fact]
    public void NoJTokenEverLeaves()
    {
        var result = (PSObject)JsonToPSObjectConverter.Convert("{\"a\":[{\"b\":[1]}]}")!;
        var a = (object[])result.Properties["a"].Value;
        var b = (object[])((PSObject)a[0]!).Properties["b"].Value;
        Assert.IsType<int>(b[0]);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{} {}")]
    public void InvalidJsonThrowsJsonException(string text) =>
        Assert.ThrowsAny<JsonException>(() => JsonToPSObjectConverter.Convert(text));

    [Fact]
    public void BodySerializerHandlesHashtablesCustomObjectsAndStrings()
    {
        var custom = new PSObject();
        custom.Properties.Add(new PSNoteProperty("AccountId", 5));
        var body = new Hashtable { ["SystemId"] = 1, ["Accounts"] = new object[] { custom }, ["Reason"] = "ticket 7" };

        var json = JsonBodySerializer.Serialize(body);

        Assert.Contains("\"SystemId\":1", json);
        Assert.Contains("\"Accounts\":[{\"AccountId\":5}]", json);
        Assert.Contains("\"Reason\":\"ticket 7\"", json);
        Assert.Equal("{\"raw\":true}", JsonBodySerializer.Serialize(new PSObject("{\"raw\":true}")));
    }

    [Fact]
    public void BodySerializerRefusesSecureStrings() =>
        Assert.Throws<System.ArgumentException>(() => JsonBodySerializer.Serialize(new Hashtable { ["Password"] = SecureStringReader.FromPlainText("x") }));
}
