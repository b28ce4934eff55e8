using System.Reflection;

namespace ContactsSpec.Conformance.Invocation;

/// <summary>Calls a generated client's async method found by reflection, and turns what it returns or throws into an outcome.</summary>
internal static class ReflectedCall
{
    /// <summary>Invokes <paramref name="method"/> on <paramref name="target"/>; never rethrows.</summary>
    public static async Task<InvocationOutcome> InvokeAsync(MethodInfo method, object target, object?[] arguments)
    {
        var resultType = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : null;
        Task task;
        try
        {
            task = (Task)method.Invoke(target, arguments)!;
            await task.ConfigureAwait(false);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            return new InvocationOutcome(null, resultType, invocation.InnerException);
        }
#pragma warning disable CA1031 // Any exception is an outcome the case judges, not a harness failure.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new InvocationOutcome(null, resultType, exception);
        }

        var result = resultType is null ? null : task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
        return new InvocationOutcome(result, resultType, null);
    }
}
