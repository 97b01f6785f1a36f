using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Answers a signed-in call that a <see cref="CallRefusal"/> rule names with the rule's status and body, before its
/// endpoint runs (so nothing changes). Runs after <see cref="SessionRequiredFilter"/>, which finds the caller.
/// </summary>
internal sealed class CallRefusalFilter : IEndpointFilter
{
    private readonly EmulatorState _state;

    public CallRefusalFilter(EmulatorState state) => _state = state;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!_state.CallRefusals.IsEmpty
            && _state.FindUser(RequestFacts.Session(http).UserId) is { } user
            && _state.CallRefusals.Find(http.Request.Method, ApiPaths.CallOf(http, _state.Clock.GetUtcNow()).Path, user) is { } refusal)
        {
            return ValueTask.FromResult<object?>(ApiResults.Message(refusal.StatusCode, refusal.Body ?? string.Empty));
        }
        return next(context);
    }
}
