using System.Text.Json.Serialization;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>POST Auth/connect/token 200 body (api-v3 §1.4).</summary>
internal sealed record TokenJson(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("scope")] string Scope);
