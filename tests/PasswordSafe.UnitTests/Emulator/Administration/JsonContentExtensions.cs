using System.Net.Http;
using System.Text;

namespace PasswordSafe.UnitTests.Emulator.Administration;

/// <summary><c>"{}".AsJson()</c>: a JSON request body.</summary>
internal static class JsonContentExtensions
{
    public static StringContent AsJson(this string json) => new(json, Encoding.UTF8, "application/json");
}
