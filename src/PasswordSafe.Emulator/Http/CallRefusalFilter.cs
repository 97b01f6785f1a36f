using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PasswordSafe.Emulator.Http;

/// <summary>
/// Answers a signed-in call that a <see cref="CallRefusal"/> rule names with the rule's status and body, before its
/// endpoint runs (so nothing changes). Runs after <see cref="SessionRequiredFilter"/>, which finds the caller.
/// </summary>
internal sealed class CallRefusalFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var state = context.HttpContext.RequestServices.GetRequiredService<EmulatorState>();
        var http = context.HttpContext;
        if (!state.CallRefusals.IsEmpty
            && state.FindUser(RequestFacts.Session(http).UserId) is { } user
            && state.CallRefusals.Find(http.Request.Method, ApiPaths.CallOf(http, state.Clock.GetUtcNow()).Path, user) is { } refusal)
        {
            return ValueTask.FromResult<object?>(ApiResults.Message(refusal.StatusCode, refusal.Body ?? string.Empty));
        }
        return next(context);
    }
}
