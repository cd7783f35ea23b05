package io.accords.record;

/**
 * How a kind's records cross the HTTP boundary (a MapStruct mapper extends it): what a {@link RecordService} uses for
 * its answers, revisions and merge patches unless the kind says otherwise.
 *
 * @param <E> the entity
 * @param <I> the record as a client writes it
 * @param <V> the record as a client reads it
 */
public interface RecordMapper<E, I, V> {

    V toView(E entity);

    I toInput(E entity);
}
