// The travel participants the trip saga books with: flights, hotels and cars (run together by src/bin/travel.ts).
export { createFlightsParticipant, FLIGHTS_REASON, type FlightAvailability, type FlightBooking, type FlightDate, type FlightsOptions, type FlightsParticipant } from './flights/domain.ts';
export { createHotelsParticipant, HOTELS_REASON, type HotelAvailability, type HotelBooking, type HotelsOptions, type HotelsParticipant } from './hotels/domain.ts';
export { createCarsParticipant, CARS_REASON, type CarBooking, type CarsOptions, type CarsParticipant } from './cars/domain.ts';
export { flights } from './flights/participant.ts';
export { hotels } from './hotels/participant.ts';
export { cars } from './cars/participant.ts';
